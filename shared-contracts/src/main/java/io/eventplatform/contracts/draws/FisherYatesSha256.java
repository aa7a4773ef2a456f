package io.eventplatform.contracts.draws;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The draw algorithm {@code fisher-yates-sha256-v1} exactly as docs/api.md specifies it, so anyone can recompute
 * a draw from its published seed and eligible list:
 * <ul>
 *   <li>E = the eligible ids sorted ascending by their UTF-8 bytes; {@code eligibleDigest} = hex SHA-256 of E
 *       joined with {@code \n}; {@code seedHash} = hex SHA-256 of the 32 seed bytes;</li>
 *   <li>random words: block_i = SHA-256(seed ‖ i as 4-byte big-endian), four unsigned 64-bit big-endian words
 *       per block, used in order;</li>
 *   <li>for j = n−1 down to n−k: bound = j+1; skip words r ≥ ⌊2^64/bound⌋·bound; idx = r mod bound; swap E[j] and
 *       E[idx]. Winners, in order: E[n−1], E[n−2], …, E[n−k].</li>
 * </ul>
 */
public final class FisherYatesSha256 {

    public static final String ALGORITHM = "fisher-yates-sha256-v1";
    public static final int SEED_BYTES = 32;

    /** The outcome: the sorted eligible list (E before the shuffle), its digest and size, and the winners in order. */
    public record Result(List<String> sortedEligible, String eligibleDigest, int eligibleCount, List<String> winners) {
    }

    private FisherYatesSha256() {
    }

    /** Draws {@code min(k, n)} winners among {@code eligible} (any order; sorted here) with the 32-byte seed. */
    public static Result draw(byte[] seed, List<String> eligible, int k) {
        if (seed.length != SEED_BYTES) {
            throw new IllegalArgumentException("The seed must be " + SEED_BYTES + " bytes");
        }
        String[] e = sorted(eligible);
        List<String> sortedEligible = List.of(e.clone());
        String digest = digest(sortedEligible);
        int n = e.length;
        int count = Math.min(k, n);
        Words words = new Words(seed);
        List<String> winners = new ArrayList<>(count);
        for (int j = n - 1; j >= n - count; j--) {
            long bound = j + 1L;
            int index = (int) words.uniform(bound);
            String swap = e[j];
            e[j] = e[index];
            e[index] = swap;
            winners.add(e[j]);
        }
        return new Result(sortedEligible, digest, n, winners);
    }

    /**
     * The verifier as a command: {@code java -cp shared-contracts.jar io.eventplatform.contracts.draws.FisherYatesSha256
     * <seed hex> <number of winners>} with the eligible ids on standard input, one per line; prints the seed hash,
     * the eligible digest and count, and the winners in order — compare them with the published draw.
     */
    public static void main(String[] args) throws java.io.IOException {
        if (args.length != 2) {
            System.err.println("usage: FisherYatesSha256 <seed hex> <number of winners>  (eligible ids on stdin, one per line)");
            System.exit(2);
        }
        byte[] seed = HexFormat.of().parseHex(args[0]);
        List<String> eligible = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8))
                .lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        Result result = draw(seed, eligible, Integer.parseInt(args[1]));
        System.out.println("seedHash       " + seedHash(seed));
        System.out.println("eligibleDigest " + result.eligibleDigest());
        System.out.println("eligibleCount  " + result.eligibleCount());
        result.winners().forEach(winner -> System.out.println("winner         " + winner));
    }

    /** Recomputes a published draw: true when the seed, the list and the winners all match what was published. */
    public static boolean verify(String seedHex, String seedHash, List<String> eligible, String eligibleDigest,
                                 List<String> publishedWinners) {
        byte[] seed = HexFormat.of().parseHex(seedHex);
        if (!hex(sha256(seed)).equals(seedHash)) {
            return false;
        }
        Result result = draw(seed, eligible, publishedWinners.size());
        return result.eligibleDigest().equals(eligibleDigest) && result.winners().equals(publishedWinners);
    }

    /** Hex SHA-256 of the ids sorted by UTF-8 bytes and joined with {@code \n}. */
    public static String eligibleDigest(List<String> eligible) {
        return digest(Arrays.asList(sorted(eligible)));
    }

    /** The order of E: ascending by UTF-8 bytes. */
    public static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    public static String seedHash(byte[] seed) {
        return hex(sha256(seed));
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String digest(List<String> sortedIds) {
        MessageDigest sha = sha();
        for (int i = 0; i < sortedIds.size(); i++) {
            if (i > 0) {
                sha.update((byte) '\n');
            }
            sha.update(sortedIds.get(i).getBytes(StandardCharsets.UTF_8));
        }
        return hex(sha.digest());
    }

    private static String[] sorted(List<String> ids) {
        byte[][] encoded = new byte[ids.size()][];
        Integer[] order = new Integer[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            encoded[i] = ids.get(i).getBytes(StandardCharsets.UTF_8);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(encoded[a], encoded[b]));
        String[] out = new String[ids.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.get(order[i]);
        }
        return out;
    }

    private static byte[] sha256(byte[] bytes) {
        return sha().digest(bytes);
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stream of unsigned 64-bit words from SHA-256(seed ‖ i). */
    private static final class Words {
        private final byte[] seed;
        private int block;
        private ByteBuffer current = ByteBuffer.allocate(0);

        Words(byte[] seed) {
            this.seed = seed;
        }

        long next() {
            if (!current.hasRemaining()) {
                MessageDigest sha = sha();
                sha.update(seed);
                sha.update(ByteBuffer.allocate(4).putInt(block++).array());
                current = ByteBuffer.wrap(sha.digest());
            }
            return current.getLong();
        }

        /** A uniform value in [0, bound) without modulo bias: words ≥ ⌊2^64/bound⌋·bound are skipped. */
        long uniform(long bound) {
            // limit = ⌊2^64 / bound⌋ · bound as an unsigned 64-bit number; when bound divides 2^64 the limit is
            // 2^64 itself, which no word reaches (written 0 here)
            long limit = Long.remainderUnsigned(-1L, bound) == bound - 1 ? 0 : Long.divideUnsigned(-1L, bound) * bound;
            while (true) {
                long r = next();
                if (limit == 0 || Long.compareUnsigned(r, limit) < 0) {
                    return Long.remainderUnsigned(r, bound);
                }
            }
        }
    }
}
