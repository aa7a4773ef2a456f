package io.eventplatform.room.realtime.web;

import io.eventplatform.room.realtime.AppEvents;
import io.eventplatform.support.validation.FreeForm;
import io.eventplatform.support.validation.TextLength;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /rooms/{roomId}/events}: {@code {"event": "<appId>:<name>", "data": {...}}}. */
record AppEventRequest(@NotNull(message = "is required") @TextLength(min = 1, max = 120) @Nullable String event,
                       @FreeForm(maxBytes = AppEvents.DATA_MAX_BYTES) @Nullable ObjectNode data) {

    AppEvents.Publish command() {
        return new AppEvents.Publish(Objects.requireNonNull(event), data == null ? JsonNodeFactory.instance.objectNode() : data);
    }
}
