package io.eventplatform.identity.app;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** App secrets: {@code sk_live_} + 32 random bytes, shown once; stored only as a BCrypt hash (slow on purpose). */
final class AppSecrets {

    private static final SecureRandom random = new SecureRandom();
    private static final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);
    /** Compared against when the app does not exist, so a wrong id costs the same time as a wrong secret. */
    private static final String DUMMY_HASH = bcrypt.encode("sk_live_dummy");

    private AppSecrets() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "sk_live_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        return bcrypt.encode(secret);
    }

    static boolean matches(String secret, String hash) {
        return bcrypt.matches(secret, hash);
    }

    static void spendTheSameTime(String secret) {
        bcrypt.matches(secret, DUMMY_HASH);
    }
}
