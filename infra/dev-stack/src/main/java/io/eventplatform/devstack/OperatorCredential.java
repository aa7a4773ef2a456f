package io.eventplatform.devstack;

import io.eventplatform.embedded.StartupException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The local stack's operator token for the operational endpoints (metrics, dead-letter replay): made once per data
 * folder, kept in {@code <data>/operator-token} (readable by its owner only); the JVMs get only its SHA-256.
 */
public final class OperatorCredential {

    public static final String FILE = "operator-token";

    private OperatorCredential() {
    }

    /** The token of this data folder, made on first use. */
    public static String tokenOf(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(dataDir);
            Files.writeString(file, token + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the folder's own permissions protect it
            }
            return token;
        } catch (IOException e) {
            throw new StartupException("data folder", "cannot keep the operator token in " + file + ": " + e.getMessage(), e);
        }
    }

    /** What each JVM is configured with ({@code OPERATOR_TOKEN_SHA256}). */
    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
