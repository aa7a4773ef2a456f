package io.eventplatform.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The compatibility gate between independently deployed services: every event type has an example in
 * {@code events/examples/<Type>.json}, and each example still reads into its record and writes back to the same
 * JSON. A change to a record that would break a consumer of the published form fails here.
 */
class EventExamplesCompatibilityTest {

    static Stream<EventType> types() {
        return Arrays.stream(EventType.values());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyExampleReadsIntoItsRecordAndWritesBackUnchanged(EventType type) throws IOException {
        String example = example(type);

        EventEnvelope<?> event = EventJson.read(example);
        String written = EventJson.write(event);

        assertThat(event.type()).isEqualTo(type.typeName());
        assertThat(event.knownType()).hasValue(type);
        assertThat(event.data()).isInstanceOf(type.dataType());
        JsonNode original = EventJson.mapper().readTree(example);
        assertThat(EventJson.mapper().readTree(written)).isEqualTo(original);
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyExampleUsesTheEnvelopeOfEventsMd(EventType type) throws IOException {
        JsonNode example = EventJson.mapper().readTree(example(type));

        assertThat(example.propertyNames()).containsSubsequence("id", "type", "version", "source", "occurredAt",
                "aggregateId", "aggregateVersion");
        assertThat(example.propertyNames()).contains("data");
        assertThat(example.get("occurredAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        boolean roomScoped = type.topic().startsWith("rooms.") || type.topic().startsWith("prizes.");
        assertThat(example.has("roomId")).as("roomId on room-scoped events").isEqualTo(roomScoped);
    }

    @Test
    void timestampsAlwaysCarryMilliseconds() {
        EventEnvelope<EventData.SubjectTokensRevoked> event = EventEnvelope.of(EventType.SUBJECT_TOKENS_REVOKED,
                "identity-service", "usr_1", 1, null,
                new EventData.SubjectTokensRevoked("usr_1", Instant.parse("2025-01-15T10:00:00Z")));

        assertThat(EventJson.write(event)).contains("\"issuedBefore\":\"2025-01-15T10:00:00.000Z\"")
                .doesNotContain("roomId");
    }

    @Test
    void anEventMustCarryTheDataOfItsType() {
        assertThatThrownBy(() -> EventEnvelope.of(EventType.TOKEN_REVOKED, "identity-service", "usr_1", 1, null,
                new EventData.SubjectTokensRevoked("usr_1", Instant.now())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TokenRevoked carries TokenRevoked");
    }

    @Test
    void readKnownSkipsAnUnknownTypeButNotBrokenJson() {
        assertThat(EventJson.readKnown("{\"type\":\"RoomExploded\",\"data\":{}}")).isEmpty();
        assertThatThrownBy(() -> EventJson.readKnown("{not json")).isInstanceOf(tools.jackson.core.JacksonException.class);
    }

    @Test
    void anUnknownTypeIsReportedByName() {
        assertThatThrownBy(() -> EventJson.read("{\"type\":\"RoomExploded\",\"data\":{}}"))
                .isInstanceOf(EventJson.UnknownEventTypeException.class)
                .hasMessageContaining("RoomExploded");
    }

    private static String example(EventType type) throws IOException {
        try (InputStream in = EventExamplesCompatibilityTest.class.getResourceAsStream(
                "/events/examples/" + type.typeName() + ".json")) {
            assertThat(in).as("example for " + type.typeName()).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
