package io.eventplatform.prize.draw;

import io.eventplatform.prize.fund.Prize;
import io.eventplatform.prize.replica.RoomGate;
import io.eventplatform.contracts.draws.FisherYatesSha256;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The platform's own draw: a fresh 256-bit seed from a CSPRNG and {@code fisher-yates-sha256-v1}. */
@Component
class PlatformDraw implements WinnerPicker {

    private final SecureRandom random = new SecureRandom();

    @Override
    public Picked pick(RoomGate.Room room, Prize prize, List<String> eligible, int count) {
        byte[] seed = new byte[FisherYatesSha256.SEED_BYTES];
        random.nextBytes(seed);
        FisherYatesSha256.Result result = FisherYatesSha256.draw(seed, eligible, count);
        return new Picked(FisherYatesSha256.ALGORITHM, FisherYatesSha256.hex(seed), FisherYatesSha256.seedHash(seed),
                result.eligibleDigest(), result.eligibleCount(), result.sortedEligible(), result.winners(), false, null, Map.of());
    }
}
