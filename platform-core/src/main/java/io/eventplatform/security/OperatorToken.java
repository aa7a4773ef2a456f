package io.eventplatform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The operator's credential for the operational endpoints (every {@code /actuator} endpoint but health: metrics,
 * dead-letter replay): a random bearer token of which each JVM knows only the SHA-256
 * ({@code OPERATOR_TOKEN_SHA256}). It is not a platform token and no business role (a platform admin) opens
 * these endpoints. Without a configured hash nobody gets in.
 */
public final class OperatorToken {

    /** Where the operational endpoints live: everything under it except {@link #isHealth health}. */
    public static final String PATH_PREFIX = "/actuator";

    private final byte @Nullable [] expectedHash;

    private OperatorToken(byte @Nullable [] expectedHash) {
        this.expectedHash = expectedHash;
    }

    public static OperatorToken ofHash(@Nullable String sha256Hex) {
        if (sha256Hex == null || sha256Hex.isBlank()) {
            return new OperatorToken(null);
        }
        String hex = sha256Hex.trim().toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("OPERATOR_TOKEN_SHA256 must be 64 hex digits (the SHA-256 of the token)");
        }
        return new OperatorToken(HexFormat.of().parseHex(hex));
    }

    /** Whether {@code path} is an operational endpoint that needs this credential. */
    public static boolean guards(String path) {
        return (path.equals(PATH_PREFIX) || path.startsWith(PATH_PREFIX + "/")) && !isHealth(path);
    }

    static boolean isHealth(String path) {
        return path.equals(PATH_PREFIX + "/health") || path.startsWith(PATH_PREFIX + "/health/");
    }

    /** Whether an {@code Authorization} header carries the operator's token (compared in constant time). */
    public boolean admits(@Nullable String authorization) {
        String token = BearerHeader.token(authorization);
        if (expectedHash == null || token == null) {
            return false;
        }
        return MessageDigest.isEqual(expectedHash, sha256(token));
    }

    public static String hashOf(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
