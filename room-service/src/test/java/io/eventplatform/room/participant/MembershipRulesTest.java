package io.eventplatform.room.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.contracts.rooms.RoomRole;
import io.eventplatform.contracts.rooms.RoomStatus;
import io.eventplatform.roomaccess.RoomAction;
import io.eventplatform.support.web.ApiException;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The membership rules on their own: no database, no HTTP. */
class MembershipRulesTest {

    /** Object Mother for memberships: what a test needs to say is the role and whether (and how) they left. */
    static final class Members {

        static Participant active(RoomRole role) {
            return member(role, null, null);
        }

        static Participant left() {
            return member(RoomRole.PARTICIPANT, null, Instant.EPOCH);
        }

        static Participant removed() {
            return member(RoomRole.PARTICIPANT, "usr_organizer", Instant.EPOCH);
        }

        private static Participant member(RoomRole role, @Nullable String removedBy, @Nullable Instant deletedAt) {
            return new Participant("part_1", "room_1", "usr_1", role, null, Instant.EPOCH, removedBy, 1, Instant.EPOCH,
                    deletedAt, new Snapshots.UserSummary("usr_1", "Ada", null));
        }
    }

    private static ErrorCode refusal(Runnable rule) {
        return catchThrowableOfType(ApiException.class, rule::run).code();
    }

    @Test
    void peopleJoinAsParticipantsOrViewersAndAreGivenAtMostModerator() {
        assertThat(MembershipRules.roleProblem(null, true)).isEmpty();
        assertThat(MembershipRules.roleProblem(RoomRole.VIEWER, true)).isEmpty();
        assertThat(MembershipRules.roleProblem(RoomRole.MODERATOR, true)).hasValue("must be participant or viewer");
        assertThat(MembershipRules.roleProblem(RoomRole.MODERATOR, false)).isEmpty();
        assertThat(MembershipRules.roleProblem(RoomRole.ORGANIZER, false)).hasValue("must be participant, viewer or moderator");
        assertThat(MembershipRules.toAdd(RoomRole.MODERATOR)).isEqualTo(RoomAction.GRANT_MODERATOR);
        assertThat(MembershipRules.toAdd(null)).isEqualTo(RoomAction.MANAGE_PARTICIPANTS);
    }

    @ParameterizedTest
    @EnumSource(RoomStatus.class)
    void onlyActiveRoomsCanBeJoinedButDraftsTakeAddedPeople(RoomStatus status) {
        assertThat(MembershipRules.open(status, true)).isEqualTo(status == RoomStatus.ACTIVE);
        assertThat(MembershipRules.open(status, false)).isEqualTo(status == RoomStatus.ACTIVE || status == RoomStatus.DRAFT);
    }

    @Test
    void aSecondJoinIsAConflictAndSomeoneRemovedComesBackOnlyWhenAdded() {
        assertThat(refusal(() -> MembershipRules.rejoin(Optional.of(Members.active(RoomRole.VIEWER)), true, RoomStatus.ACTIVE)))
                .isEqualTo(ErrorCode.ALREADY_PARTICIPANT);
        assertThat(refusal(() -> MembershipRules.rejoin(Optional.of(Members.removed()), true, RoomStatus.ACTIVE)))
                .isEqualTo(ErrorCode.REMOVED_FROM_ROOM);
        assertThat(MembershipRules.rejoin(Optional.of(Members.removed()), false, RoomStatus.ACTIVE).id()).isEqualTo("part_1");
        assertThat(MembershipRules.rejoin(Optional.of(Members.left()), true, RoomStatus.ACTIVE).id()).isEqualTo("part_1");
        assertThat(refusal(() -> MembershipRules.rejoin(Optional.of(Members.left()), true, RoomStatus.DRAFT)))
                .isEqualTo(ErrorCode.ROOM_NOT_ACTIVE);
        assertThat(refusal(() -> MembershipRules.rejoin(Optional.empty(), false, RoomStatus.COMPLETED)))
                .isEqualTo(ErrorCode.ROOM_NOT_ACTIVE);
    }

    @Test
    void rolesAboutModeratorsAndOrganizersAreTheOrganizersToChange() {
        assertThat(MembershipRules.toChange(RoomRole.PARTICIPANT, RoomRole.VIEWER)).isEqualTo(RoomAction.MANAGE_PARTICIPANTS);
        assertThat(MembershipRules.toChange(RoomRole.PARTICIPANT, RoomRole.MODERATOR)).isEqualTo(RoomAction.GRANT_MODERATOR);
        assertThat(MembershipRules.toChange(RoomRole.MODERATOR, RoomRole.VIEWER)).isEqualTo(RoomAction.GRANT_MODERATOR);
        assertThat(MembershipRules.toChange(RoomRole.MODERATOR, null)).isEqualTo(RoomAction.MANAGE_PARTICIPANTS);
        assertThat(MembershipRules.toChange(RoomRole.MODERATOR, RoomRole.MODERATOR)).isEqualTo(RoomAction.MANAGE_PARTICIPANTS);
        assertThat(MembershipRules.toRemove(RoomRole.ORGANIZER)).isEqualTo(RoomAction.GRANT_MODERATOR);
        assertThat(MembershipRules.toRemove(RoomRole.VIEWER)).isEqualTo(RoomAction.MANAGE_PARTICIPANTS);
        assertThat(MembershipRules.assignableProblem(RoomRole.ORGANIZER)).hasValue("nobody can be made organizer this way");
        assertThat(MembershipRules.assignableProblem(RoomRole.ADMIN)).isPresent();
        assertThat(MembershipRules.assignableProblem(RoomRole.MODERATOR)).isEmpty();
    }

    @Test
    void organizerCannotLeaveTheirOwnRoom() {
        assertThat(refusal(() -> MembershipRules.requireMayLeave(Members.active(RoomRole.ORGANIZER)))).isEqualTo(ErrorCode.FORBIDDEN);
        assertThatCode(() -> MembershipRules.requireMayLeave(Members.active(RoomRole.MODERATOR))).doesNotThrowAnyException();
    }

    @Test
    void aRoomNeverLosesItsLastOrganizer() {
        Participant organizer = Members.active(RoomRole.ORGANIZER);

        assertThat(refusal(() -> MembershipRules.requireAnOrganizerRemains(organizer, RoomRole.MODERATOR, 1)))
                .isEqualTo(ErrorCode.LAST_ORGANIZER);
        assertThat(refusal(() -> MembershipRules.requireAnOrganizerRemains(organizer, null, 1))).isEqualTo(ErrorCode.LAST_ORGANIZER);
        assertThatCode(() -> MembershipRules.requireAnOrganizerRemains(organizer, null, 2)).doesNotThrowAnyException();
        assertThatCode(() -> MembershipRules.requireAnOrganizerRemains(Members.active(RoomRole.MODERATOR), null, 1))
                .doesNotThrowAnyException();
    }
}
