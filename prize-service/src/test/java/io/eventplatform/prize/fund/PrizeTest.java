package io.eventplatform.prize.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.support.body.Patch;
import io.eventplatform.support.web.ApiException;
import org.junit.jupiter.api.Test;

/** A prize's quantity never drops below the units it has awarded; the remaining units follow. */
class PrizeTest {

    static Prize withAwarded(int quantity, int awarded) {
        return PrizeMother.aMug(quantity, awarded);
    }

    @Test
    void remainingUnitsFollowTheQuantity() {
        Prize prize = withAwarded(5, 2);

        assertThat(prize.resize(8).quantityRemaining()).isEqualTo(6);
        assertThat(prize.resize(2).quantityRemaining()).isZero();
    }

    @Test
    void theQuantityCannotDropBelowWhatIsAwarded() {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> withAwarded(5, 3).resize(2));

        assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(refused.details()).containsKey("fields");
        assertThat(refused.details().get("fields").toString()).contains("quantity", "3");
    }

    @Test
    void aChangeReportsExactlyWhatChangedAndAbsentPropertiesStay() {
        Prize prize = withAwarded(5, 2);

        Prize.Changed changed = prize.apply(new Prize.Change(Patch.of("Cup"), Patch.cleared(), Patch.absent(), Patch.of(6),
                Patch.absent()));

        assertThat(changed.changes()).containsOnlyKeys("name", "quantity", "quantityRemaining");
        assertThat(changed.prize().name()).isEqualTo("Cup");
        assertThat(changed.prize().quantityRemaining()).isEqualTo(4);
        Prize.Changed nothing = prize.apply(new Prize.Change(Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent(),
                Patch.absent()));
        assertThat(nothing.changes()).isEmpty();
        assertThat(nothing.prize()).isEqualTo(prize);
    }
}
