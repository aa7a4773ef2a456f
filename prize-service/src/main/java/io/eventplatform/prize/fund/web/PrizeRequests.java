package io.eventplatform.prize.fund.web;

import io.eventplatform.prize.fund.Prize;
import io.eventplatform.prize.fund.PrizeFund;
import io.eventplatform.support.body.Patch;
import io.eventplatform.support.validation.FreeForm;
import io.eventplatform.support.validation.HttpUrl;
import io.eventplatform.support.validation.NotCleared;
import io.eventplatform.support.validation.TextLength;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** The bodies {@code /api/v1/rooms/{roomId}/prizes} accepts. */
final class PrizeRequests {

    private static final int NAME_MAX = 200;
    private static final int DESCRIPTION_MAX = 5000;
    private static final String QUANTITY = "must be an integer from {min} to {max}";

    private PrizeRequests() {
    }

    /** {@code POST}: a new prize, one unit unless {@code quantity} says otherwise. */
    record Create(@NotNull(message = "is required") @TextLength(min = 1, max = NAME_MAX) @Nullable String name,
                  @TextLength(max = DESCRIPTION_MAX) @Nullable String description,
                  @HttpUrl @Nullable String imageUrl,
                  @Range(min = 1, max = PrizeFund.MAX_QUANTITY, message = QUANTITY) @Nullable Integer quantity,
                  @FreeForm(maxBytes = PrizeFund.METADATA_MAX_BYTES) @Nullable ObjectNode metadata) {

        PrizeFund.NewPrize command() {
            return new PrizeFund.NewPrize(Objects.requireNonNull(name), description, imageUrl, quantity, metadata);
        }
    }

    /** {@code PATCH /{prizeId}}: a merge-patch; name and quantity cannot be cleared. */
    record Update(@NotCleared Patch<@TextLength(min = 1, max = NAME_MAX) String> name,
                  Patch<@TextLength(max = DESCRIPTION_MAX) String> description,
                  Patch<@HttpUrl String> imageUrl,
                  @NotCleared Patch<@Range(min = 1, max = PrizeFund.MAX_QUANTITY, message = QUANTITY) Integer> quantity,
                  Patch<@FreeForm(maxBytes = PrizeFund.METADATA_MAX_BYTES) ObjectNode> metadata) {

        Prize.Change command() {
            return new Prize.Change(name, description, imageUrl, quantity, metadata);
        }
    }
}
