package io.eventplatform.support.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Lengths in code points, as a person counts them. */
class TextTest {

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anEmojiIsOneCharacter() {
        String emoji = "\uD83C\uDF89".repeat(150);

        assertThat(emoji.length()).isEqualTo(300);
        assertThat(Text.length(emoji)).isEqualTo(150);
    }

    @Test
    void aFieldLimitOf200TakesA150EmojiNameAndRefuses201Characters() {
        FieldErrors errors = new FieldErrors();
        String emoji = "\uD83C\uDF89".repeat(150);

        assertThat(errors.text(json.createObjectNode().put("name", emoji), "name", 1, 200)).isEqualTo(emoji);
        assertThat(errors.isEmpty()).isTrue();
        assertThat(errors.text(json.createObjectNode().put("name", "é".repeat(201)), "name", 1, 200)).isNull();
        assertThat(errors.isEmpty()).isFalse();
    }

    @Test
    void theTextLengthConstraintCountsCodePoints() {
        TextLength.Validator validator = new TextLength.Validator();
        validator.initialize(Holder.class.getRecordComponents()[0].getAnnotation(TextLength.class));

        assertThat(List.of("\uD83C\uDF89\uD83C\uDF89\uD83C\uDF89", "abc", "a")).allMatch(text -> validator.isValid(text, null));
        assertThat(List.of("", "abcd", "\uD83C\uDF89".repeat(4))).noneMatch(text -> validator.isValid(text, null));
    }

    record Holder(@TextLength(min = 1, max = 3) String text) {
    }
}
