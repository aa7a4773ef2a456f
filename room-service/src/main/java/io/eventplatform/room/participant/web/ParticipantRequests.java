package io.eventplatform.room.participant.web;

import io.eventplatform.contracts.rooms.RoomRole;
import io.eventplatform.room.participant.Memberships;
import io.eventplatform.support.body.Patch;
import io.eventplatform.support.validation.FreeForm;
import io.eventplatform.support.validation.TextLength;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** The bodies {@code /api/v1/rooms/{roomId}/participants} accepts. */
final class ParticipantRequests {

    private ParticipantRequests() {
    }

    /** {@code POST}: join (no {@code userId}, or one's own) or add someone; the body may be empty. */
    record Join(@TextLength(min = 1, max = 100) @Nullable String userId, @Nullable RoomRole role,
                @FreeForm(maxBytes = Memberships.METADATA_MAX_BYTES) @Nullable ObjectNode metadata) {

        Memberships.Join command() {
            return new Memberships.Join(userId, role, metadata);
        }
    }

    /** {@code PATCH /{participantId}}: a merge-patch of role and metadata. */
    record Update(@Nullable RoomRole role, Patch<@FreeForm(maxBytes = Memberships.METADATA_MAX_BYTES) ObjectNode> metadata) {

        Memberships.Change command() {
            return new Memberships.Change(role, metadata);
        }
    }
}
