package io.eventplatform.room.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.rooms.RoomStatus;
import io.eventplatform.support.body.Patch;
import io.eventplatform.support.web.ApiException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** The Room aggregate: what an update changes, and the status machine it enforces. */
class RoomTest {

    static Room draft() {
        return RoomMother.aDraftRoom();
    }

    @Test
    void anUpdateReportsExactlyWhatChanged() {
        Room.Changed changed = draft().apply(new Room.Update(Patch.of("Party"), Patch.cleared(), Patch.absent(),
                Patch.of(false), Patch.of(RoomStatus.ACTIVE)));

        assertThat(changed.changes()).containsOnlyKeys("description", "isPublic", "status");
        assertThat(changed.room().description()).isNull();
        assertThat(changed.oldStatus()).isEqualTo(RoomStatus.DRAFT);
        assertThat(changed.room().status()).isEqualTo(RoomStatus.ACTIVE);
    }

    @Test
    void nothingAskedNothingChanged() {
        Room.Changed changed = draft().apply(Room.Update.toStatus(RoomStatus.DRAFT));

        assertThat(changed.any()).isFalse();
        assertThat(changed.oldStatus()).isNull();
    }

    @Test
    void theStatusMovesOnlyAlongTheMachine() {
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> draft().apply(Room.Update.toStatus(RoomStatus.COMPLETED)));

        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_STATUS_TRANSITION);
    }

    @Test
    void clearedSettingsAreEmptyAndAnAbsentPropertyStays() {
        Room room = draft();
        Room.Changed changed = room.apply(new Room.Update(Patch.absent(), Patch.absent(), Patch.cleared(), Patch.cleared(),
                Patch.absent()));

        assertThat(changed.any()).isFalse();
        Room.Changed settings = room.apply(new Room.Update(Patch.absent(), Patch.absent(),
                Patch.of(JsonNodeFactory.instance.objectNode().put("ticketCount", 3)), Patch.absent(), Patch.absent()));
        assertThat(settings.changes()).containsOnlyKeys("appSettings");
        assertThat(settings.room().description()).isEqualTo("Raffle");
    }

    @Test
    void lockingToAnotherVersionIsAChangeOnlyWhenTheVersionDiffers() {
        assertThat(draft().lockTo("1.0.0").any()).isFalse();
        assertThat(draft().lockTo("2.0.0").changes()).containsEntry("appManifestVersion", "2.0.0");
    }
}
