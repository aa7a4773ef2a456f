package io.eventplatform.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import java.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys from configuration (production) and rotation: the current key signs, previous public keys stay published. */
class SigningKeysTest {

    @Test
    void aConfiguredKeySignsAndPreviousKeysStayPublished() throws Exception {
        RSAKey current = new RSAKeyGenerator(2048).generate();
        RSAKey previous = new RSAKeyGenerator(2048).generate();
        TokenProperties properties = new TokenProperties("http://issuer.test", "event-platform", Duration.ofHours(1),
                Duration.ofDays(30), Duration.ofSeconds(5), pem("PRIVATE KEY", current.toPrivateKey().getEncoded()),
                "platform-2", List.of("platform-1=" + pem("PUBLIC KEY", previous.toPublicKey().getEncoded())), null);

        SigningKeys keys = SigningKeys.from(properties, true);
        String token = new AccessTokens(keys, properties, Clock.systemUTC())
                .forUser("usr_1", "ses_1", "ada@example.com", "Ada", "USER").token();

        assertThat(keys.published().getKeys()).extracting(key -> key.getKeyID()).containsExactly("platform-2", "platform-1");
        assertThat(keys.published().getKeys()).allMatch(key -> !key.isPrivate());
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("platform-2");
        assertThat(jwt.verify(new RSASSAVerifier(current.toRSAPublicKey()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getClaims()).containsKeys("iss", "sub", "aud", "iat", "exp", "jti", "typ", "sid",
                "email", "name", "prole");
    }

    @Test
    void withoutAConfiguredKeyOnlyNonProductionGeneratesOne() {
        TokenProperties properties = new TokenProperties("http://issuer.test", "event-platform", Duration.ofHours(1),
                Duration.ofDays(30), Duration.ofSeconds(5), null, "platform-1", List.of(), null);

        assertThat(SigningKeys.from(properties, false).published().getKeys()).hasSize(1);
        assertThatThrownBy(() -> SigningKeys.from(properties, true)).hasMessageContaining("TOKEN_SIGNING_KEY");
    }

    @Test
    void withoutAConfiguredKeyTheGeneratedOneIsKeptInItsFileForTheNextStart(@TempDir Path data) throws Exception {
        Path file = data.resolve("identity-service").resolve("token-signing-key.jwk");
        TokenProperties properties = new TokenProperties("http://issuer.test", "event-platform", Duration.ofHours(1),
                Duration.ofDays(30), Duration.ofSeconds(5), null, "platform-1", List.of(), file);

        SigningKeys first = SigningKeys.from(properties, false);
        SigningKeys next = SigningKeys.from(properties, false);

        assertThat(next.current()).isEqualTo(first.current());
        assertThat(next.current().getKeyID()).isEqualTo("platform-1");
        assertThat(java.nio.file.Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(SigningKeys.from(new TokenProperties("http://issuer.test", "event-platform", Duration.ofHours(1),
                Duration.ofDays(30), Duration.ofSeconds(5), null, "platform-1", List.of(), data.resolve("other.jwk")), false)
                .current()).isNotEqualTo(first.current());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
