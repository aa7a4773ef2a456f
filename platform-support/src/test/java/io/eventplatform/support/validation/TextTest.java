package io.eventplatform.support.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lengths in code points, as a person counts them. */
class TextTest {

    @Test
    void anEmojiIsOneCharacter() {
        String emoji = "\uD83C\uDF89".repeat(150);

        assertThat(emoji.length()).isEqualTo(300);
        assertThat(Text.length(emoji)).isEqualTo(150);
    }

    @Test
    void aFieldLimitOf200TakesA150EmojiNameAndRefuses201Characters() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

        assertThat(validator.validate(new Name("\uD83C\uDF89".repeat(150)))).isEmpty();
        assertThat(validator.validate(new Name("é".repeat(201)))).singleElement()
                .extracting(ConstraintViolation::getMessage).isEqualTo("must be 1 to 200 characters");
    }

    record Name(@TextLength(min = 1, max = 200) String name) {
    }

    @Test
    void theTextLengthConstraintCountsCodePoints() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

        assertThat(List.of("\uD83C\uDF89\uD83C\uDF89\uD83C\uDF89", "abc", "a"))
                .allMatch(text -> validator.validate(new Holder(text)).isEmpty());
        assertThat(List.of("", " ", "abcd", "\uD83C\uDF89".repeat(4)))
                .allSatisfy(text -> assertThat(validator.validate(new Holder(text))).singleElement()
                        .extracting(ConstraintViolation::getMessage).isEqualTo("must be 1 to 3 characters"));
    }

    record Holder(@TextLength(min = 1, max = 3) String text) {
    }
}
