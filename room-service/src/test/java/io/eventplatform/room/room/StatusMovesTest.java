package io.eventplatform.room.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.rooms.RoomStatus;
import io.eventplatform.support.web.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every pair of statuses: the four moves docs/api.md allows succeed, every other one is 409. */
class StatusMovesTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "DRAFT, DRAFT, false", "DRAFT, ACTIVE, true", "DRAFT, COMPLETED, false", "DRAFT, CANCELLED, true",
            "ACTIVE, DRAFT, false", "ACTIVE, ACTIVE, false", "ACTIVE, COMPLETED, true", "ACTIVE, CANCELLED, true",
            "COMPLETED, DRAFT, false", "COMPLETED, ACTIVE, false", "COMPLETED, COMPLETED, false", "COMPLETED, CANCELLED, false",
            "CANCELLED, DRAFT, false", "CANCELLED, ACTIVE, false", "CANCELLED, COMPLETED, false", "CANCELLED, CANCELLED, false"})
    void onlyTheMovesOfTheStatusMachineAreAllowed(RoomStatus from, RoomStatus to, boolean allowed) {
        assertThat(StatusMoves.allowed(from, to)).isEqualTo(allowed);
        if (allowed) {
            assertThat(StatusMoves.move(from, to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> StatusMoves.move(from, to)).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATUS_TRANSITION);
                assertThat(e.details()).containsEntry("from", from.wire()).containsEntry("to", to.wire());
            });
        }
    }
}
