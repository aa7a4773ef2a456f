package io.eventplatform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventplatform.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokensTest {

    final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
    final AtomicBoolean revoked = new AtomicBoolean();
    final VerifiedTokens verified = new VerifiedTokens(jwt -> revoked.get()
            ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token has been revoked", null))
            : OAuth2TokenValidatorResult.success(), Duration.ofMinutes(5), 3, clock);

    @Test
    void aTokenVerifiedOnceIsKnownByItsTextWithTheSameClaims() {
        verified.remember(jwt("token-a", "usr_ada", Duration.ofHours(1)));

        Jwt known = verified.lookup("token-a");

        assertThat(known).isNotNull();
        assertThat(known.getSubject()).isEqualTo("usr_ada");
        assertThat(known.getTokenValue()).isEqualTo("token-a");
        assertThat(verified.lookup("token-b")).isNull();
        assertThat(verified.lookup("token-a ")).isNull();
    }

    @Test
    void aKnownTokenStillPassesEveryRuleOnEachUse() {
        verified.remember(jwt("token-a", "usr_ada", Duration.ofHours(1)));
        revoked.set(true);

        assertThatThrownBy(() -> verified.lookup("token-a")).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("revoked");
        revoked.set(false);
        assertThat(verified.lookup("token-a")).as("a refused token is forgotten: the next use verifies it again").isNull();
    }

    @Test
    void aTokenIsTrustedForAtMostFiveMinutesAndNeverPastItsExpiry() {
        verified.remember(jwt("long", "usr_ada", Duration.ofHours(1)));
        verified.remember(jwt("short", "usr_bob", Duration.ofMinutes(1)));

        clock.advance(Duration.ofMinutes(1));
        assertThat(verified.lookup("short")).isNull();
        assertThat(verified.lookup("long")).isNotNull();

        clock.advance(Duration.ofMinutes(4));
        assertThat(verified.lookup("long")).isNull();
    }

    @Test
    void theCacheNeverHoldsMoreThanItsLimit() {
        for (int i = 0; i < 10; i++) {
            verified.remember(jwt("token-" + i, "usr_" + i, Duration.ofHours(1)));
            assertThat(verified.size()).isLessThanOrEqualTo(3);
        }
        assertThat(verified.lookup("token-9")).isNotNull();
    }

    private Jwt jwt(String token, String subject, Duration lifetime) {
        return Jwt.withTokenValue(token).header("alg", "RS256").subject(subject).issuedAt(clock.instant())
                .expiresAt(clock.instant().plus(lifetime)).build();
    }
}
