package io.eventplatform.prize.webhook;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.webhooks.*}: how the platform calls apps (docs/webhooks.md, docs/operations.md).
 *
 * @param timeout               the longest one call may take, from connecting to the last byte of the answer
 * @param allowPrivateAddresses whether an app's address may be loopback or in a private network (local profile only)
 * @param maxAnswerBytes        a longer answer is refused as invalid
 */
@ConfigurationProperties("platform.webhooks")
record WebhookSettings(@DefaultValue("3s") Duration timeout,
                              @DefaultValue("false") boolean allowPrivateAddresses,
                              @DefaultValue("262144") int maxAnswerBytes,
                              @DefaultValue Circuit circuit,
                              @DefaultValue Signing signing) {

    /**
     * One circuit breaker per app: open when at least {@code failureRate} percent of the last {@code window} calls
     * failed (after {@code minimumCalls}), closed to the app for {@code openFor}, then a trial call.
     */
    public record Circuit(@DefaultValue("10") int window, @DefaultValue("5") int minimumCalls,
                          @DefaultValue("50") float failureRate, @DefaultValue("30s") Duration openFor) {
    }

    /**
     * @param key      the signing key as a private JWK (Ed25519, {@code ./platform webhook-key} prints one); required
     *                 under the {@code prod} profile
     * @param keyFile  where the local profile keeps a key it generated itself, so restarts keep it
     * @param previous keys that signed before a rotation: their public halves stay published until they expire
     */
    public record Signing(@Nullable String key, @Nullable Path keyFile, @DefaultValue List<PreviousKey> previous) {
    }

    /** @param jwk the public JWK of a key that was replaced */
    public record PreviousKey(String jwk, Instant expiresAt) {
    }
}
