package io.eventplatform.prize.webhook;

import io.eventplatform.support.keys.KeptKeyFile;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's webhook signing keys: the current one signs; the public halves of the current one and of every
 * replaced one that has not expired yet are published ({@link #published()}), so an app verifies a webhook signed
 * just before a rotation as well as one signed after it. Where the key comes from:
 * {@code platform.webhooks.signing.key} (required under {@code prod}); else the local key file, generated on the
 * first start and kept; else a key for this run only (tests).
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    /** What a webhook carries about its signature. */
    public record Signed(String keyId, long timestamp, String signature) {
    }

    private final SigningKey current;
    private final List<WebhookSettings.PreviousKey> previous;
    private final Clock clock;

    SigningKeys(SigningKey current, List<WebhookSettings.PreviousKey> previous, Clock clock) {
        this.current = current;
        this.previous = List.copyOf(previous);
        this.clock = clock;
        for (WebhookSettings.PreviousKey key : previous) {
            publicJwk(key); // a broken one fails the start, not a request
        }
    }

    static SigningKeys load(WebhookSettings.Signing settings, boolean prod, Clock clock) {
        if (settings.key() != null && !settings.key().isBlank()) {
            return new SigningKeys(SigningKey.parse(settings.key()), settings.previous(), clock);
        }
        if (prod) {
            throw new IllegalStateException("platform.webhooks.signing.key (WEBHOOK_SIGNING_KEY) is required under the prod "
                    + "profile: ./platform webhook-key prints one");
        }
        Path file = settings.keyFile();
        if (file == null || file.toString().isBlank()) {
            log.warn("No webhook signing key configured: a key for this run only signs webhooks (apps must refetch the keys after a restart)");
            return new SigningKeys(SigningKey.generate(), settings.previous(), clock);
        }
        return new SigningKeys(keptIn(file), settings.previous(), clock);
    }

    private static SigningKey keptIn(Path file) {
        return SigningKey.parse(KeptKeyFile.readOrCreate(file, () -> SigningKey.generate().privateJwk(), "webhook signing key"));
    }


    /** Signs {@code timestamp + "." + body} with the current key, {@code timestamp} being now in epoch seconds. */
    public Signed sign(byte[] body) {
        long timestamp = clock.instant().getEpochSecond();
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return new Signed(current.keyId(), timestamp, current.sign(signed));
    }

    /** The JWKS of {@code GET /webhooks/keys}: the current key first, then the replaced ones until they expire. */
    public Map<String, Object> published() {
        List<Map<String, Object>> keys = new ArrayList<>();
        keys.add(current.publicJwk().toJSONObject());
        for (WebhookSettings.PreviousKey key : previous) {
            if (clock.instant().isBefore(key.expiresAt())) {
                keys.add(publicJwk(key).toJSONObject());
            }
        }
        return Map.of("keys", keys);
    }

    private static JWK publicJwk(WebhookSettings.PreviousKey key) {
        try {
            JWK jwk = JWK.parse(key.jwk());
            if (!(jwk instanceof OctetKeyPair) || jwk.isPrivate() || jwk.getKeyID() == null) {
                throw new IllegalArgumentException("A previous webhook key must be a public Ed25519 JWK with a kid");
            }
            return jwk;
        } catch (ParseException e) {
            throw new IllegalArgumentException("A previous webhook key is not a JWK: " + e.getMessage());
        }
    }
}
