package io.eventplatform.room.participant;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.support.events.Outbox;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Participants on rooms.participants.v1, through the outbox, keyed by room id. */
@Component
class ParticipantEvents {

    private static final String SOURCE = "room-service";

    private final Outbox outbox;

    ParticipantEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void participant(EventType type, Participant participant, @Nullable Map<String, Object> changes, @Nullable String reason) {
        outbox.publish(EventEnvelope.of(type, SOURCE, participant.id(), participant.version(), participant.roomId(),
                new EventData.ParticipantChanged(participant.snapshot(), changes, reason)));
    }
}
