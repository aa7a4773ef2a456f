package io.eventplatform.room.participant;

import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.contracts.rooms.RoomRole;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A user's membership in a room; {@code deletedAt} set means they left or were removed ({@code removedBy}). */
public record Participant(String id, String roomId, String userId, RoomRole role, @Nullable JsonNode metadata,
                   Instant joinedAt, @Nullable String removedBy, long version, Instant updatedAt,
                   @Nullable Instant deletedAt, Snapshots.UserSummary user) {

    public boolean active() {
        return deletedAt == null;
    }

    Snapshots.Participant snapshot() {
        return new Snapshots.Participant(id, roomId, userId, role.wire(), metadata, active(), removedBy, joinedAt,
                updatedAt, user);
    }
}
