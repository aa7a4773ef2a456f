package io.eventplatform.room.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.support.web.ApiException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** The Room aggregate: what an update changes, and the status machine it enforces. */
class RoomTest {

    static Room draft() {
        return new Room("room_1", "Party", "Raffle", "app_lottery", JsonNodeFactory.instance.objectNode(), "1.0.0",
                RoomStatus.DRAFT, true, "usr_ada", 1, Instant.EPOCH, Instant.EPOCH, null);
    }

    @Test
    void anUpdateReportsExactlyWhatChanged() {
        Room.Changed changed = draft().apply(new Room.Update("Party", null, true, null, false, RoomStatus.ACTIVE));

        assertThat(changed.changes()).containsOnlyKeys("description", "isPublic", "status");
        assertThat(changed.room().description()).isNull();
        assertThat(changed.oldStatus()).isEqualTo(RoomStatus.DRAFT);
        assertThat(changed.room().status()).isEqualTo(RoomStatus.ACTIVE);
    }

    @Test
    void nothingAskedNothingChanged() {
        Room.Changed changed = draft().apply(new Room.Update(null, null, false, null, null, RoomStatus.DRAFT));

        assertThat(changed.any()).isFalse();
        assertThat(changed.oldStatus()).isNull();
    }

    @Test
    void theStatusMovesOnlyAlongTheMachine() {
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> draft().apply(new Room.Update(null, null, false, null, null, RoomStatus.COMPLETED)));

        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_STATUS_TRANSITION);
    }

    @Test
    void lockingToAnotherVersionIsAChangeOnlyWhenTheVersionDiffers() {
        assertThat(draft().lockTo("1.0.0").any()).isFalse();
        assertThat(draft().lockTo("2.0.0").changes()).containsEntry("appManifestVersion", "2.0.0");
    }
}
