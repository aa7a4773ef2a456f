package io.eventplatform.room.participant;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.rooms.RoomRole;
import io.eventplatform.contracts.rooms.RoomStatus;
import io.eventplatform.roomaccess.RoomAction;
import io.eventplatform.support.web.ApiException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rules of membership (docs/auth.md "Room roles and what they allow", docs/api.md "Rooms and participants"), each in one place: which roles one
 * may take or give, which rooms are open to whom, what a second join means, who may change or remove whom, and
 * that a room never loses its last organizer. No database and no Spring: {@link Memberships} asks, then acts.
 */
final class MembershipRules {

    private static final Set<RoomRole> SELF_JOIN_ROLES = Set.of(RoomRole.PARTICIPANT, RoomRole.VIEWER);
    private static final Set<RoomRole> GIVABLE_ROLES = Set.of(RoomRole.PARTICIPANT, RoomRole.VIEWER, RoomRole.MODERATOR);

    private MembershipRules() {
    }

    /** Why a role cannot be taken (joining oneself) or given (adding someone); empty when it can. */
    static Optional<String> roleProblem(@Nullable RoomRole role, boolean self) {
        if (role == null) {
            return Optional.empty();
        }
        if (self) {
            return SELF_JOIN_ROLES.contains(role) ? Optional.empty() : Optional.of("must be participant or viewer");
        }
        return GIVABLE_ROLES.contains(role) ? Optional.empty() : Optional.of("must be participant, viewer or moderator");
    }

    /** What adding someone with {@code role} asks of the caller: only organizers make moderators. */
    static RoomAction toAdd(@Nullable RoomRole role) {
        return role == RoomRole.MODERATOR ? RoomAction.GRANT_MODERATOR : RoomAction.MANAGE_PARTICIPANTS;
    }

    /** Joining oneself needs an active room; an organizer or app may add people to a draft too. */
    static boolean open(RoomStatus status, boolean self) {
        return status == RoomStatus.ACTIVE || (!self && status == RoomStatus.DRAFT);
    }

    /**
     * A user who already has a row in the room (or a room that is not open): 409 ALREADY_PARTICIPANT for an active
     * member, 403 REMOVED_FROM_ROOM for someone removed who tries to join by themselves (only an organizer or
     * moderator may bring them back), 409 ROOM_NOT_ACTIVE for a room not open to this join. Returns the row to
     * re-activate (same id) otherwise.
     */
    static Participant rejoin(Optional<Participant> existing, boolean self, RoomStatus status) {
        if (existing.isPresent() && existing.get().active()) {
            throw new ApiException(ErrorCode.ALREADY_PARTICIPANT, "Already a member of this room",
                    Map.of("participantId", existing.get().id()));
        }
        if (self && existing.isPresent() && existing.get().removedBy() != null) {
            throw new ApiException(ErrorCode.REMOVED_FROM_ROOM,
                    "You were removed from this room; an organizer or moderator can add you again");
        }
        if (!open(status, self)) {
            throw new ApiException(ErrorCode.ROOM_NOT_ACTIVE, self ? "Only active rooms can be joined"
                    : "People can be added to draft and active rooms only", Map.of("status", status.wire()));
        }
        return existing.orElseThrow(() -> new ApiException(ErrorCode.ALREADY_PARTICIPANT, "Already a member of this room"));
    }

    /** Why nobody may be given {@code role} by a change; empty when it may be given. */
    static Optional<String> assignableProblem(@Nullable RoomRole role) {
        return role == RoomRole.ORGANIZER || role == RoomRole.ADMIN
                ? Optional.of("nobody can be made " + role.wire() + " this way") : Optional.empty();
    }

    /**
     * What changing a member's role asks of the caller ({@code newRole} null or the same: only metadata): making,
     * changing or un-making a moderator or organizer only an organizer may do; the rest organizers and moderators.
     */
    static RoomAction toChange(RoomRole target, @Nullable RoomRole newRole) {
        if (newRole == null || newRole == target) {
            return RoomAction.MANAGE_PARTICIPANTS;
        }
        return newRole == RoomRole.MODERATOR || aboutModerators(target) ? RoomAction.GRANT_MODERATOR : RoomAction.MANAGE_PARTICIPANTS;
    }

    /** What removing a member asks of the caller: a moderator or organizer only an organizer may remove. */
    static RoomAction toRemove(RoomRole target) {
        return aboutModerators(target) ? RoomAction.GRANT_MODERATOR : RoomAction.MANAGE_PARTICIPANTS;
    }

    private static boolean aboutModerators(RoomRole role) {
        return role == RoomRole.MODERATOR || role == RoomRole.ORGANIZER;
    }

    /** 403: an organizer cannot leave their own room (they hand it over or delete it). */
    static void requireMayLeave(Participant member) {
        if (member.role() == RoomRole.ORGANIZER) {
            throw new ApiException(ErrorCode.FORBIDDEN, "The organizer cannot leave the room", Map.of("role", member.role().wire()));
        }
    }

    /** 409 LAST_ORGANIZER when the change would take the room's only organizer away ({@code newRole} null: removal). */
    static void requireAnOrganizerRemains(Participant member, @Nullable RoomRole newRole, long activeOrganizers) {
        if (member.role() == RoomRole.ORGANIZER && newRole != RoomRole.ORGANIZER && activeOrganizers <= 1) {
            throw new ApiException(ErrorCode.LAST_ORGANIZER, newRole == null
                    ? "The last organizer of a room cannot be removed" : "The last organizer of a room cannot be demoted");
        }
    }
}
