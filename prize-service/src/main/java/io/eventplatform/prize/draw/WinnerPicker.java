package io.eventplatform.prize.draw;

import io.eventplatform.prize.fund.Prize;
import io.eventplatform.prize.replica.RoomGate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Chooses a draw's winners among the eligible participants. The platform's own choice is
 * {@link PlatformDraw} ({@code fisher-yates-sha256-v1}); an app that declares {@code winnerSelection} will be asked
 * through its webhook by another implementation, which falls back to the platform's choice and says why.
 */
interface WinnerPicker {

    /** What a draw publishes about how its winners were chosen. */
    record Picked(String algorithm, @Nullable String seed, @Nullable String seedHash, String eligibleDigest,
                  int eligibleCount, List<String> sortedEligible, List<String> winners, boolean delegatedToApp,
                  @Nullable String fallbackReason) {
    }

    Picked pick(RoomGate.Room room, Prize prize, List<String> eligible, int count);
}
