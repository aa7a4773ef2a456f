package io.eventplatform.support.ids;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Ids as the README of the spec wants them: a type prefix and 26 Crockford base-32 characters — 48 bits of
 * milliseconds (so ids sort by creation time) and 80 random bits (collision-resistant): {@code usr_01JH3X5V6Q8ZK2N4M7P9R1T3W5}.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom random = new SecureRandom();
    private static final Pattern BODY = Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");

    private Ids() {
    }

    /** A new id with {@code prefix} ("usr", "ses", "room", …). */
    public static String next(String prefix) {
        return next(prefix, System.currentTimeMillis());
    }

    static String next(String prefix, long millis) {
        long time = millis;
        byte[] entropy = new byte[10];
        random.nextBytes(entropy);
        char[] out = new char[26];
        // 10 characters of time (50 bits, the top 2 always zero), 16 of randomness (80 bits)
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        long high = 0;
        for (int i = 0; i < 5; i++) {
            high = (high << 8) | (entropy[i] & 0xff);
        }
        long low = 0;
        for (int i = 5; i < 10; i++) {
            low = (low << 8) | (entropy[i] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low >>>= 5;
        }
        return prefix + "_" + new String(out);
    }

    /** Whether {@code id} has the shape of an id with this prefix (an id that cannot exist is a 404, not a look-up). */
    public static boolean looksLike(String prefix, String id) {
        return id.length() == prefix.length() + 27 && id.startsWith(prefix + "_")
                && BODY.matcher(id.substring(prefix.length() + 1)).matches();
    }
}
