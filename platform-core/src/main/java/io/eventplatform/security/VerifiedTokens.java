package io.eventplatform.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Tokens whose signature this process has already checked, so that a client's next requests skip the RSA
 * verification and the parsing: the gateway and every service verify the same token on each request.
 *
 * <p>Keyed by the SHA-256 of the token; what is kept is the token's headers and claims, never the token itself.
 * A hit is rebuilt into a {@link Jwt} carrying the presented token and passes the full validator again (expiry,
 * issuer, audience, the revocation set), so a revoked or expired token is refused exactly as without the cache.
 * An entry is trusted for at most {@code maxAge} (a key taken out of the key set stops working within that time)
 * and the cache holds at most {@code maxEntries} (past that it is emptied and refills with the active clients).
 */
public final class VerifiedTokens {

    private record Verified(Map<String, Object> headers, Map<String, Object> claims, Instant trustedUntil) {
    }

    private final Map<ByteBuffer, Verified> verified = new ConcurrentHashMap<>();
    private final OAuth2TokenValidator<Jwt> validator;
    private final Duration maxAge;
    private final int maxEntries;
    private final Clock clock;

    public VerifiedTokens(OAuth2TokenValidator<Jwt> validator, Duration maxAge, int maxEntries, Clock clock) {
        this.validator = validator;
        this.maxAge = maxAge;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The default: trusted for five minutes, room for 20,000 clients. */
    public static VerifiedTokens of(OAuth2TokenValidator<Jwt> validator) {
        return new VerifiedTokens(validator, Duration.ofMinutes(5), 20_000, Clock.systemUTC());
    }

    /**
     * The token as verified before, validated again now; {@code null} if it was not verified before (or too long
     * ago). Throws {@link JwtValidationException} when it no longer passes the rules (expired, revoked).
     */
    public @Nullable Jwt lookup(String token) {
        ByteBuffer key = key(token);
        Verified entry = verified.get(key);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.trustedUntil())) {
            verified.remove(key);
            return null;
        }
        Jwt jwt = Jwt.withTokenValue(token).headers(h -> h.putAll(entry.headers())).claims(c -> c.putAll(entry.claims())).build();
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            verified.remove(key);
            throw new JwtValidationException(result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return jwt;
    }

    /** Remembers a token whose signature and rules were just checked. */
    public void remember(Jwt jwt) {
        Instant now = clock.instant();
        Instant until = now.plus(maxAge);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(entry -> !now.isBefore(entry.trustedUntil()));
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
        }
        verified.put(key(jwt.getTokenValue()), new Verified(Map.copyOf(jwt.getHeaders()), Map.copyOf(jwt.getClaims()), until));
    }

    int size() {
        return verified.size();
    }

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private static ByteBuffer key(String token) {
        // digest() resets the instance for its next use on this thread
        return ByteBuffer.wrap(SHA_256.get().digest(token.getBytes(StandardCharsets.US_ASCII)));
    }
}
