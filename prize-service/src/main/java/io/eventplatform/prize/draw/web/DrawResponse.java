package io.eventplatform.prize.draw.web;

import io.eventplatform.prize.draw.Draw;
import io.eventplatform.prize.winner.web.WinnerResponse;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A draw as the API shows it: the audit record with its winners. */
record DrawResponse(String id, String roomId, String prizeId, String requestedBy, int requested, List<WinnerResponse> winners,
                    String algorithm, @Nullable String seed, @Nullable String seedHash, int eligibleCount, String eligibleDigest,
                    boolean excludePreviousWinners, boolean delegatedToApp, @Nullable String fallbackReason, Instant createdAt) {

    static DrawResponse of(Draw.WithWinners shown) {
        Draw draw = shown.draw();
        return new DrawResponse(draw.id(), draw.roomId(), draw.prizeId(), draw.requestedBy(), draw.requested(),
                shown.winners().stream().map(WinnerResponse::of).toList(), draw.algorithm(), draw.seed(), draw.seedHash(), draw.eligibleCount(), draw.eligibleDigest(),
                draw.excludePreviousWinners(), draw.delegatedToApp(), draw.fallbackReason(), draw.createdAt());
    }
}
