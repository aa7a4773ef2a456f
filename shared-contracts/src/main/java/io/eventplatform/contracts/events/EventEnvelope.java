package io.eventplatform.contracts.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Every event between services (docs/events.md): who sent it, what happened to which aggregate at which version, and
 * the data — the full state of the aggregate, so a replica can be built from events alone.
 *
 * @param aggregateVersion increases with every change of the aggregate; consumers ignore anything not newer
 *                         than what they hold
 * @param roomId           the room the event belongs to, if any (room, participant, prize, winner events)
 */
@JsonPropertyOrder({"id", "type", "version", "source", "occurredAt", "aggregateId", "aggregateVersion", "roomId", "data"})
public record EventEnvelope<T>(UUID id, String type, int version, String source, Instant occurredAt,
                               String aggregateId, long aggregateVersion, @Nullable String roomId, T data) {

    /** A new event of {@code type} with a fresh id, stamped now (milliseconds, like every timestamp on the wire). */
    public static <T> EventEnvelope<T> of(EventType type, String source, String aggregateId, long aggregateVersion,
                                          @Nullable String roomId, T data) {
        if (!type.dataType().isInstance(data)) {
            throw new IllegalArgumentException(type.typeName() + " carries " + type.dataType().getSimpleName()
                    + ", not " + data.getClass().getSimpleName());
        }
        return new EventEnvelope<>(UUID.randomUUID(), type.typeName(), type.schemaVersion(), source,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), aggregateId, aggregateVersion, roomId, data);
    }

    /** The type this envelope names, if it is one this build knows. */
    public java.util.Optional<EventType> knownType() {
        return EventType.byName(type);
    }
}
