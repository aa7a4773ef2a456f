package io.eventplatform.prize.winner;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.contracts.rooms.RoomRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Only active members with the participant role can win (docs/auth.md). */
class EligibilityTest {

    @ParameterizedTest
    @EnumSource(RoomRole.class)
    void onlyAnActiveParticipantCanWin(RoomRole role) {
        assertThat(new Awards.Candidate("part_1", "usr_1", role, true).eligible()).isEqualTo(role == RoomRole.PARTICIPANT);
        assertThat(new Awards.Candidate("part_1", "usr_1", role, false).eligible()).isFalse();
    }
}
