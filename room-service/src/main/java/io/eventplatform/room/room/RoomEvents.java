package io.eventplatform.room.room;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.rooms.RoomStatus;
import io.eventplatform.support.events.Outbox;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Rooms on rooms.rooms.v1, through the outbox, keyed by room id. */
@Component
class RoomEvents {

    private static final String SOURCE = "room-service";

    private final Outbox outbox;

    RoomEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void room(EventType type, Room room, @Nullable Map<String, Object> changes, @Nullable RoomStatus oldStatus) {
        outbox.publish(EventEnvelope.of(type, SOURCE, room.id(), room.version(), room.id(), new EventData.RoomChanged(
                room.snapshot(), changes, oldStatus == null ? null : oldStatus.wire(),
                oldStatus == null ? null : room.status().wire())));
    }
}
