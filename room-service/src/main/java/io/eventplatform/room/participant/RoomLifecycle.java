package io.eventplatform.room.participant;

import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.rooms.RoomRole;
import io.eventplatform.room.room.RoomCreated;
import io.eventplatform.room.room.RoomDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The members' side of a room's creation and deletion, in the room's own transaction (a synchronous listener): the
 * organizer joins a new room (published right after RoomCreated), and everyone leaves a deleted one (no events: the
 * RoomDeleted event says it for all).
 */
@Component
class RoomLifecycle {

    private final Participants participants;
    private final ParticipantEvents events;

    RoomLifecycle(Participants participants, ParticipantEvents events) {
        this.participants = participants;
        this.events = events;
    }

    @EventListener
    void on(RoomCreated created) {
        Participant organizer = participants.insertIfAbsent(created.room().id(), created.organizerId(), RoomRole.ORGANIZER,
                null).orElseThrow();
        events.participant(EventType.PARTICIPANT_JOINED, organizer, null, null);
    }

    @EventListener
    void on(RoomDeleted deleted) {
        participants.leaveAllOfRoom(deleted.roomId());
    }
}
