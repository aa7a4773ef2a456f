package io.eventplatform.contracts.events;

import io.eventplatform.contracts.json.PlatformJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes event envelopes with their typed data, in the platform's JSON conventions. */
public final class EventJson {

    private EventJson() {
    }

    public static String write(EventEnvelope<?> event) {
        return mapper().writeValueAsString(event);
    }

    /**
     * Reads an envelope and binds {@code data} to the record of its type.
     *
     * @throws UnknownEventTypeException when the type is not one this build knows (the consumer decides whether
     *                                   to skip it or to park it)
     */
    public static EventEnvelope<?> read(String json) {
        JsonNode tree = mapper().readTree(json);
        String typeName = tree.path("type").asString("");
        EventType type = EventType.byName(typeName).orElseThrow(() -> new UnknownEventTypeException(typeName));
        return read(tree, type.dataType());
    }

    /**
     * Reads an envelope, or nothing if its type is one this build does not know (a newer producer's event, which a
     * consumer skips rather than parks). Unreadable JSON still throws: that is a poison event.
     */
    public static java.util.Optional<EventEnvelope<?>> readKnown(String json) {
        try {
            return java.util.Optional.of(read(json));
        } catch (UnknownEventTypeException newerProducer) {
            return java.util.Optional.empty();
        }
    }

    /** Reads an envelope whose data is of {@code dataType}. */
    public static <T> EventEnvelope<T> read(JsonNode tree, Class<T> dataType) {
        JsonMapper mapper = mapper();
        return mapper.readValue(mapper.treeAsTokens(tree),
                mapper.getTypeFactory().constructParametricType(EventEnvelope.class, dataType));
    }

    public static JsonMapper mapper() {
        return PlatformJson.mapper();
    }

    /** The event names a type this build does not know. */
    public static final class UnknownEventTypeException extends IllegalArgumentException {
        public UnknownEventTypeException(String type) {
            super("Unknown event type '" + type + "'");
        }
    }
}
