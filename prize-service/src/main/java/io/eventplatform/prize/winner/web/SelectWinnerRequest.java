package io.eventplatform.prize.winner.web;

import io.eventplatform.prize.fund.PrizeFund;
import io.eventplatform.prize.winner.Awards;
import io.eventplatform.support.validation.FreeForm;
import io.eventplatform.support.validation.TextLength;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /api/v1/rooms/{roomId}/winners}: a winner chosen by hand. */
record SelectWinnerRequest(@NotNull(message = "is required") @TextLength(min = 1, max = 100) @Nullable String participantId,
                           @NotNull(message = "is required") @TextLength(min = 1, max = 100) @Nullable String prizeId,
                           @FreeForm(maxBytes = PrizeFund.METADATA_MAX_BYTES) @Nullable ObjectNode metadata) {

    /** Only once the request is valid: both ids are there. */
    Awards.Selection command() {
        return new Awards.Selection(participantId, prizeId, metadata);
    }
}
