package io.eventplatform.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.eventplatform.contracts.access.TokenClaims;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Signs access tokens with every claim of docs/auth.md. */
public final class AccessTokens {

    /** A signed token and what revoking it needs. */
    public record Issued(String token, String jti, Instant expiresAt) {
    }

    private final SigningKeys keys;
    private final TokenProperties properties;
    private final Clock clock;

    AccessTokens(SigningKeys keys, TokenProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /** A user token: {@code typ=user}, with the session ({@code sid}), email, name and platform role. */
    public Issued forUser(String userId, String sessionId, String email, @Nullable String name, String platformRole) {
        JWTClaimsSet.Builder claims = base(userId)
                .claim(TokenClaims.TYPE, TokenClaims.USER_TOKEN)
                .claim(TokenClaims.SESSION, sessionId)
                .claim("email", email)
                .claim(TokenClaims.PLATFORM_ROLE, platformRole.toLowerCase(java.util.Locale.ROOT));
        if (name != null) {
            claims.claim("name", name);
        }
        return sign(claims);
    }

    /**
     * An app token: {@code typ=app}, subject the app id, and the manifest's permissions as {@code perms}; its
     * {@code iat} no earlier than {@code earliestIssueTime} (the second after the app's last revocation cut-off).
     */
    public Issued forApp(String appId, java.util.List<String> permissions, Instant earliestIssueTime) {
        return sign(base(appId, earliestIssueTime).claim(TokenClaims.TYPE, TokenClaims.APP_TOKEN).claim(TokenClaims.PERMISSIONS, permissions));
    }

    public long accessTtlSeconds() {
        return properties.accessTtl().toSeconds();
    }

    private JWTClaimsSet.Builder base(String subject) {
        return base(subject, Instant.EPOCH);
    }

    private JWTClaimsSet.Builder base(String subject, Instant earliestIssueTime) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (now.isBefore(earliestIssueTime)) {
            now = earliestIssueTime;
        }
        return new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .subject(subject)
                .audience(properties.audience())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.accessTtl())))
                .jwtID(UUID.randomUUID().toString());
    }

    private Issued sign(JWTClaimsSet.Builder builder) {
        JWTClaimsSet claims = builder.build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.current().getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(keys.current()));
            return new Issued(jwt.serialize(), claims.getJWTID(), claims.getExpirationTime().toInstant());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }
}
