package io.eventplatform.security;

import io.eventplatform.contracts.access.TokenClaims;
import java.util.List;
import java.util.Objects;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Verifies the platform's access tokens offline: signature by a key from identity-service's JWKS (RS256 or
 * ES256 only, so {@code alg: none} and HMAC tokens fail), issuer, audience, expiry with the configured skew, and
 * the revocation set. Any failure is a 401.
 */
public final class PlatformTokens {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PlatformTokens.class);

    private PlatformTokens() {
    }

    /** A servlet-side decoder: keys from the JWKS URI ({@link PlatformKeys}), every rule. */
    public static JwtDecoder decoder(SecurityProperties properties, RevocationSet revocations) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(PlatformKeys.source(properties))
                .jwsAlgorithms(algorithms -> {
                    algorithms.add(SignatureAlgorithm.RS256);
                    algorithms.add(SignatureAlgorithm.ES256);
                })
                .build();
        OAuth2TokenValidator<Jwt> validator = validator(properties, revocations);
        decoder.setJwtValidator(validator);
        VerifiedTokens verified = VerifiedTokens.of(validator);
        return token -> {
            try {
                Jwt known = verified.lookup(token);
                if (known != null) {
                    return known;
                }
                Jwt jwt = decoder.decode(token);
                verified.remember(jwt);
                return jwt;
            } catch (BadJwtException bad) {
                throw bad;
            } catch (JwtException unverifiable) {
                // e.g. the key set cannot be fetched: the token is not verified, so the caller is not authenticated
                // (a 401, not a 500); the cause goes to the log
                log.warn("Cannot verify a token: {}", unverifiable.getMessage());
                throw new BadJwtException("The token cannot be verified now", unverifiable);
            }
        };
    }

    /** Every rule a platform token must pass besides its signature (for a service that verifies with local keys). */
    public static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties, RevocationSet revocations) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(properties.audience())),
                jwt -> revocations.isRevoked(jwt.getId(), jwt.getClaimAsString(TokenClaims.SESSION), jwt.getSubject(), jwt.getIssuedAt())
                        ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token has been revoked", null))
                        : OAuth2TokenValidatorResult.success()));
    }
}
