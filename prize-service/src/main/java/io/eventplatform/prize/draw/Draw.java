package io.eventplatform.prize.draw;

import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.prize.winner.Winner;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A stored draw: the audit record of how its winners were chosen. */
public record Draw(String id, String roomId, String prizeId, String requestedBy, int requested, boolean excludePreviousWinners,
                   String algorithm, @Nullable String seed, @Nullable String seedHash, int eligibleCount, String eligibleDigest,
                   List<String> winnerIds, boolean delegatedToApp, @Nullable String fallbackReason, Instant createdAt) {

    /** A draw with its winners, in draw order. */
    public record WithWinners(Draw draw, List<Winner> winners) {
    }

    Snapshots.Draw snapshot(List<Winner> winners) {
        return new Snapshots.Draw(id, roomId, prizeId, requestedBy, requested, algorithm, seed, seedHash, eligibleCount,
                eligibleDigest, winnerIds, delegatedToApp, fallbackReason, createdAt, excludePreviousWinners,
                winners.stream().map(Winner::snapshot).toList());
    }
}
