package io.eventplatform.prize.fund;

import java.time.Instant;

/** Prizes for tests that only care about some of a prize's fields. */
public final class PrizeMother {

    private PrizeMother() {
    }

    public static Prize aMug(int quantity, int awarded) {
        return new Prize("prz_1", "room_1", "Mug", null, null, quantity, quantity - awarded, null, 1,
                Instant.parse("2026-12-01T18:00:00Z"), Instant.parse("2026-12-01T18:00:00Z"), null);
    }

    public static PrizeWithWinners aMugWithItsWinners(int quantity, int awarded) {
        return new PrizeWithWinners(aMug(quantity, awarded), awarded);
    }
}
