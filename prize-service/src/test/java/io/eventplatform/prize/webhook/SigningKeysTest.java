package io.eventplatform.prize.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventplatform.testing.MovableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the signing key comes from, and which public keys are published when. */
class SigningKeysTest {

    final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T12:00:00Z"));

    @Test
    void aReplacedKeyStaysPublishedUntilItExpiresThenOnlyTheCurrentOne() {
        SigningKey old = SigningKey.generate();
        SigningKey current = SigningKey.generate();
        SigningKeys keys = new SigningKeys(current, List.of(new WebhookSettings.PreviousKey(old.publicJwk().toJSONString(),
                clock.instant().plus(Duration.ofMinutes(10)))), clock);

        assertThat(kids(keys)).containsExactly(current.keyId(), old.keyId());
        assertThat(keys.sign("{}".getBytes(StandardCharsets.UTF_8)).keyId()).isEqualTo(current.keyId());

        clock.advance(Duration.ofMinutes(10));

        assertThat(kids(keys)).containsExactly(current.keyId());
    }

    @Test
    void theSignatureIsOverTheTimestampADotAndTheBody() throws Exception {
        SigningKey key = SigningKey.generate();
        SigningKeys keys = new SigningKeys(key, List.of(), clock);

        SigningKeys.Signed signed = keys.sign("{\"count\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(signed.timestamp()).isEqualTo(clock.instant().getEpochSecond());
        assertThat(signed.signature()).isEqualTo(key.sign((signed.timestamp() + ".{\"count\":1}").getBytes(StandardCharsets.UTF_8)));
        assertThat(key.publicJwk().toJSONObject()).doesNotContainKey("d").containsEntry("alg", "EdDSA");
    }

    @Test
    void aConfiguredKeyIsUsedAsItIsAndAKidIsDerivedWhenItNamesNone() {
        SigningKey generated = SigningKey.generate();
        String withoutKid = generated.privateJwk().replaceAll("\"kid\":\"[^\"]*\",?", "").replace(",}", "}");

        SigningKeys configured = SigningKeys.load(new WebhookSettings.Signing(generated.privateJwk(), null, List.of()), true, clock);

        assertThat(kids(configured)).containsExactly(generated.keyId());
        assertThat(SigningKey.parse(withoutKid).keyId()).isEqualTo(generated.keyId());
    }

    @Test
    void underProdAKeyMustBeConfigured() {
        assertThatThrownBy(() -> SigningKeys.load(new WebhookSettings.Signing(null, null, List.of()), true, clock))
                .hasMessageContaining("WEBHOOK_SIGNING_KEY");
        assertThatThrownBy(() -> SigningKey.parse("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" 
                + SigningKey.generate().publicJwk().getX() + "\"}")).hasMessageContaining("private Ed25519");
        assertThatThrownBy(() -> SigningKey.parse("not a key")).hasMessageContaining("not a JWK");
    }

    @Test
    void theLocalKeyFileIsWrittenOnceReadableOnlyByItsOwnerAndKeptAcrossRestarts(@TempDir Path data) throws Exception {
        Path file = data.resolve("prize-service").resolve("webhook-signing-key.jwk");
        WebhookSettings.Signing settings = new WebhookSettings.Signing(null, file, List.of());

        String first = kids(SigningKeys.load(settings, false, clock)).get(0);
        String second = kids(SigningKeys.load(settings, false, clock)).get(0);

        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(file)).contains("\"d\"");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @SuppressWarnings("unchecked")
    private static List<String> kids(SigningKeys keys) {
        return ((List<Map<String, Object>>) keys.published().get("keys")).stream().map(key -> (String) key.get("kid")).toList();
    }
}
