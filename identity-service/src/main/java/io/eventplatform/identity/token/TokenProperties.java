package io.eventplatform.identity.token;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How identity-service signs tokens ({@code platform.identity.tokens.*}).
 *
 * @param issuer             the {@code iss} of every token (the gateway's public URL)
 * @param audience           the {@code aud} of every token
 * @param accessTtl          access token lifetime
 * @param refreshTtl         refresh token lifetime (rotated on every use)
 * @param refreshReuseGrace  a rotated refresh token presented again within this window of its rotation is
 *                           refused but keeps the session (taken as two refreshes racing); outside it — and always
 *                           with the default of 0 — it is a reuse: the whole session is revoked (ADR 0005)
 * @param signingKey         PKCS#8 PEM of the RSA private key ({@code TOKEN_SIGNING_KEY}); required with the
 *                           prod profile, generated at start otherwise
 * @param signingKeyId       the {@code kid} of the signing key
 * @param previousPublicKeys X.509 PEM public keys still published after a rotation, each as {@code kid=PEM}
 * @param signingKeyFile     without a configured key outside prod: a file that keeps the key generated on the first
 *                           start ({@code TOKEN_SIGNING_KEY_FILE}; the launcher's data folder), so tokens outlive a
 *                           restart and other instances started with it sign alike; none = a key for this run only
 */
@ConfigurationProperties("platform.identity.tokens")
public record TokenProperties(
        @DefaultValue("http://localhost:8080") String issuer,
        @DefaultValue("event-platform") String audience,
        @DefaultValue("1h") Duration accessTtl,
        @DefaultValue("30d") Duration refreshTtl,
        @DefaultValue("0s") Duration refreshReuseGrace,
        @Nullable String signingKey,
        @DefaultValue("platform-1") String signingKeyId,
        @DefaultValue List<String> previousPublicKeys,
        @Nullable Path signingKeyFile) {
}
