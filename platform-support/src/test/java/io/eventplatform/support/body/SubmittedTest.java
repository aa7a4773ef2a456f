package io.eventplatform.support.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventplatform.contracts.json.PlatformJson;
import io.eventplatform.support.validation.FreeForm;
import io.eventplatform.support.validation.HttpUrl;
import io.eventplatform.support.validation.NotCleared;
import io.eventplatform.support.validation.TextLength;
import io.eventplatform.support.web.ApiException;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SubmittedTest {

    enum Colour { RED, GREEN, BLUE }

    record Create(@NotNull(message = "is required") @TextLength(min = 1, max = 5) @Nullable String name,
                  @Range(min = 1, max = 10, message = "must be an integer from {min} to {max}") @Nullable Integer quantity,
                  @Nullable Boolean open, @HttpUrl @Nullable String imageUrl,
                  @FreeForm(maxBytes = 64) @Nullable ObjectNode metadata, @Nullable Colour colour) {
    }

    record Change(@NotCleared Patch<@TextLength(min = 1, max = 5) String> name, Patch<String> description,
                  Patch<@Range(min = 1, max = 10) Integer> quantity) {
    }

    private static Submitted<Create> create(String json) {
        return Submitted.read(json(json), Create.class);
    }

    private static Submitted<Change> change(String json) {
        return Submitted.read(json(json), Change.class);
    }

    private static JsonNode json(String json) {
        return PlatformJson.mapper().readTree(json);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> fields(Submitted<?> submitted) {
        try {
            submitted.valid();
            return Map.of();
        } catch (ApiException e) {
            assertThat(e.code().status()).isEqualTo(422);
            return (Map<String, List<String>>) e.details().get("fields");
        }
    }

    @Test
    void aWellFormedBodyBecomesTheRecord() {
        Submitted<Create> submitted = create("""
                {"name": "Cup", "quantity": 3, "open": true, "imageUrl": "https://x.example/a.png",
                 "metadata": {"a": [1, "b"]}, "colour": "green"}""");

        assertThat(submitted.problems().isEmpty()).isTrue();
        Create create = submitted.valid();
        assertThat(create.name()).isEqualTo("Cup");
        assertThat(create.quantity()).isEqualTo(3);
        assertThat(create.open()).isTrue();
        assertThat(create.metadata().get("a").get(1).asString()).isEqualTo("b");
        assertThat(create.colour()).isEqualTo(Colour.GREEN);
    }

    @Test
    void everyProblemIsReportedAtItsFieldAtOnce() {
        Map<String, List<String>> fields = fields(create("""
                {"quantity": "3", "open": "yes", "imageUrl": 7, "metadata": [], "colour": "pink", "id": "x", "extra": null}"""));

        assertThat(fields).containsOnlyKeys("name", "quantity", "open", "imageUrl", "metadata", "colour", "id", "extra");
        assertThat(fields.get("name")).containsExactly("is required");
        assertThat(fields.get("quantity")).containsExactly("must be an integer");
        assertThat(fields.get("open")).containsExactly("must be true or false");
        assertThat(fields.get("imageUrl")).containsExactly("must be a string");
        assertThat(fields.get("metadata")).containsExactly("must be a JSON object");
        assertThat(fields.get("colour")).containsExactly("must be red, green or blue");
        assertThat(fields.get("id")).containsExactly("cannot be set");
    }

    @Test
    void constraintsApplyToWhatFitsTheType() {
        Map<String, List<String>> fields = fields(create("""
                {"name": "   ", "quantity": 11, "imageUrl": "ftp://x", "metadata": {"blob": "%s"}}"""
                .formatted("x".repeat(64))));

        assertThat(fields.get("name")).containsExactly("must be 1 to 5 characters");
        assertThat(fields.get("quantity")).containsExactly("must be an integer from 1 to 10");
        assertThat(fields.get("imageUrl")).containsExactly("must be an http(s) URL of at most 2048 characters");
        assertThat(fields.get("metadata")).containsExactly("must be at most 0 KiB");
        assertThat(fields(create("{\"name\": \"\uD83C\uDF89\uD83C\uDF89\uD83C\uDF89\uD83C\uDF89\uD83C\uDF89\"}"))).isEmpty();
    }

    @Test
    void freeFormJsonKeepsItsLimits() {
        assertThat(fields(create("{\"name\": \"x\", \"metadata\": {\"n\": 9007199254740993}}")).get("metadata"))
                .containsExactly("contains a number out of range");
    }

    @Test
    void aBodyThatIsNotAnObjectSaysSo() {
        for (String body : List.of("[]", "\"x\"", "5", "null")) {
            Map<String, List<String>> fields = fields(create(body));
            assertThat(fields.get("")).as(body).containsExactly("must be a JSON object");
        }
    }

    @Test
    void aPatchTellsAbsentFromNullFromAValue() {
        Change change = change("{\"description\": null, \"quantity\": 4}").valid();

        assertThat(change.name().isPresent()).isFalse();
        assertThat(change.description().isCleared()).isTrue();
        assertThat(change.description().hasValue()).isFalse();
        assertThat(change.quantity().value()).isEqualTo(4);
        assertThat(change.quantity().orElse(9)).isEqualTo(4);
        assertThat(change.name().orElse("kept")).isEqualTo("kept");
    }

    @Test
    void aPatchValueIsValidatedAndSomePropertiesCannotBeCleared() {
        Map<String, List<String>> fields = fields(change("{\"name\": null, \"quantity\": 0, \"description\": 5}"));

        assertThat(fields.get("name")).containsExactly("cannot be null");
        assertThat(fields.get("quantity")).hasSize(1);
        assertThat(fields.get("description")).containsExactly("must be a string");
        assertThat(fields(change("{\"name\": \"abcdef\"}")).get("name")).containsExactly("must be 1 to 5 characters");
    }

    @Test
    void aMappingRunsOnlyWhenTheValueIsAskedFor() {
        Submitted<String> mapped = create("{}").map(create -> create.name().toUpperCase());

        assertThatThrownBy(mapped::valid).isInstanceOf(ApiException.class);
        assertThat(create("{\"name\": \"cup\"}").map(create -> create.name().toUpperCase()).valid()).isEqualTo("CUP");
    }

    @Test
    void mapKeepsTheProblems() {
        Submitted<String> mapped = create("{\"name\": 5}").map(create -> "command");

        assertThat(mapped.value()).isEqualTo("command");
        assertThatThrownBy(mapped::valid).isInstanceOf(ApiException.class);
    }

    @Test
    void anEmptySubmissionHasEveryPropertyAbsent() {
        Change change = Submitted.empty(Change.class).valid();

        assertThat(change.name().isPresent()).isFalse();
        assertThat(fields(Submitted.empty(Create.class))).containsOnlyKeys("name");
    }
}
