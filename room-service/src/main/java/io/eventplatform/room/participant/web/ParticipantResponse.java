package io.eventplatform.room.participant.web;

import io.eventplatform.room.participant.Participant;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A membership as the API shows it, with the user's name and avatar. */
record ParticipantResponse(String id, String roomId, String userId, String role, @Nullable JsonNode metadata,
                           boolean active, @Nullable String removedBy, Instant joinedAt, Instant updatedAt, User user) {

    /** Who the member is. */
    record User(String id, @Nullable String name, @Nullable String avatar) {
    }

    static ParticipantResponse of(Participant participant) {
        return new ParticipantResponse(participant.id(), participant.roomId(), participant.userId(),
                participant.role().wire(), participant.metadata(), participant.active(), participant.removedBy(),
                participant.joinedAt(), participant.updatedAt(),
                new User(participant.user().id(), participant.user().name(), participant.user().avatar()));
    }
}
