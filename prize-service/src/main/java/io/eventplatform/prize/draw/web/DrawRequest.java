package io.eventplatform.prize.draw.web;

import io.eventplatform.prize.draw.DrawService;
import io.eventplatform.prize.fund.PrizeFund;
import io.eventplatform.support.validation.TextLength;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/rooms/{roomId}/draws}: draw {@code count} winners (all units left, if absent). */
record DrawRequest(@NotNull(message = "is required") @TextLength(min = 1, max = 100) @Nullable String prizeId,
                   @Range(min = 1, max = PrizeFund.MAX_QUANTITY, message = "must be an integer from {min} to {max}")
                   @Nullable Integer count,
                   @Nullable Boolean excludePreviousWinners) {

    /** Only once the request is valid; previous winners are excluded unless the request says otherwise. */
    DrawService.Request command() {
        return new DrawService.Request(prizeId, count, excludePreviousWinners == null || excludePreviousWinners);
    }
}
