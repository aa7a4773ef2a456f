package io.eventplatform.contracts.draws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** fisher-yates-sha256-v1 against vectors computed by an independent implementation (Python's hashlib), and its fairness. */
class FisherYatesSha256Test {

    static final byte[] SEED = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    static final List<String> IDS = List.of("part_01", "part_02", "part_03", "part_04", "part_05", "part_06", "part_07",
            "part_08", "part_09", "part_10", "part_é", "part_Z", "part_z");

    @Test
    void matchesTheReferenceVectors() {
        List<String> shuffled = new ArrayList<>(IDS);
        Collections.reverse(shuffled);

        FisherYatesSha256.Result result = FisherYatesSha256.draw(SEED, shuffled, 4);

        assertThat(result.eligibleDigest()).isEqualTo("9e16fd78535c08b6050b9fbc78918b856d296e4741b74a5daa73ffb529a3828b");
        assertThat(result.eligibleCount()).isEqualTo(13);
        assertThat(result.winners()).containsExactly("part_Z", "part_03", "part_04", "part_05");
        assertThat(FisherYatesSha256.seedHash(SEED)).isEqualTo("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd");
    }

    @Test
    void drawsEveryoneWhenFewerAreEligibleThanRequested() {
        byte[] seed = new byte[32];
        java.util.Arrays.fill(seed, (byte) 0xff);

        FisherYatesSha256.Result result = FisherYatesSha256.draw(seed, List.of("b", "a", "c"), 5);

        assertThat(result.winners()).containsExactly("c", "b", "a");
        assertThat(result.eligibleDigest()).isEqualTo("ea7fb08b7a2dc4619ffb7c7bb38d95a2047935fa165d71b12efd3852a2e6d0cc");
    }

    @Test
    void theVerifierAcceptsThePublishedDrawAndRejectsAnyChange() {
        FisherYatesSha256.Result result = FisherYatesSha256.draw(SEED, IDS, 3);
        String seedHex = FisherYatesSha256.hex(SEED);
        String seedHash = FisherYatesSha256.seedHash(SEED);

        assertThat(FisherYatesSha256.verify(seedHex, seedHash, IDS, result.eligibleDigest(), result.winners())).isTrue();
        assertThat(FisherYatesSha256.verify(seedHex, seedHash, IDS.subList(1, IDS.size()), result.eligibleDigest(),
                result.winners())).isFalse();
        assertThat(FisherYatesSha256.verify(seedHex, seedHash, IDS, result.eligibleDigest(),
                List.of(result.winners().get(1), result.winners().get(0), result.winners().get(2)))).isFalse();
        assertThat(FisherYatesSha256.verify(seedHex, "00".repeat(32), IDS, result.eligibleDigest(), result.winners())).isFalse();
    }

    @Test
    void everyoneIsEquallyLikelyToWin() {
        List<String> five = List.of("a", "b", "c", "d", "e");
        int draws = 50_000;
        int[] wins = new int[5];
        for (int i = 0; i < draws; i++) {
            byte[] seed = ByteBuffer.allocate(32).putLong(i).array();
            wins[five.indexOf(FisherYatesSha256.draw(seed, five, 1).winners().get(0))]++;
        }
        double expected = draws / 5.0;
        double chiSquare = 0;
        for (int count : wins) {
            chiSquare += (count - expected) * (count - expected) / expected;
        }
        // 4 degrees of freedom: 18.47 is the 99.9th percentile; the seeds are fixed, so the outcome is too
        assertThat(chiSquare).isLessThan(18.47);
    }
}
