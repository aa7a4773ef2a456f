package io.eventplatform.prize.draw;

import io.eventplatform.prize.fund.Prize;
import io.eventplatform.prize.replica.RoomGate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Chooses a draw's winners among the eligible participants: the platform's own choice is {@link PlatformDraw}
 * ({@code fisher-yates-sha256-v1}); when the room's app selects winners, {@link AppChoice} asks it and falls back to
 * the platform's choice, saying why.
 */
interface WinnerPicker {

    /**
     * What a draw publishes about how its winners were chosen.
     *
     * @param appMetadata what the app gave a winner it chose (by participant id; empty for the platform's choice)
     */
    record Picked(String algorithm, @Nullable String seed, @Nullable String seedHash, String eligibleDigest,
                  int eligibleCount, List<String> sortedEligible, List<String> winners, boolean delegatedToApp,
                  @Nullable String fallbackReason, Map<String, JsonNode> appMetadata) {

        /** The platform's choice, made because the app's could not be used. */
        Picked fellBack(String reason) {
            return new Picked(algorithm, seed, seedHash, eligibleDigest, eligibleCount, sortedEligible, winners, false,
                    reason, Map.of());
        }
    }

    Picked pick(RoomGate.Room room, Prize prize, List<String> eligible, int count);
}
