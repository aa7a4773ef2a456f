package io.eventplatform.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks the platform's tokens ({@code platform.security.*}).
 *
 * @param jwksUri          identity-service's key set (cached; fetched again when a token names an unknown key)
 * @param jwksRefetchInterval at most two fetches of the key set per this interval ({@link PlatformKeys})
 * @param issuer           the {@code iss} every token must carry
 * @param audience         the {@code aud} every token must carry
 * @param clockSkew        tolerance for {@code exp}/{@code nbf} (at most 60 s, docs/auth.md)
 * @param maxTokenLifetime the longest lifetime of any token; a subject cut-off is kept this long
 * @param publicPaths      request paths (patterns) that need no token
 * @param protectedPaths   paths that need a token even though a public pattern matches them (checked first)
 * @param operatorTokenSha256 the SHA-256 (hex) of the operator's token for the operational endpoints
 *                         ({@link OperatorToken}); none: nobody can use them
 */
@ConfigurationProperties("platform.security")
public record SecurityProperties(
        @DefaultValue("http://localhost:8081/.well-known/jwks.json") URI jwksUri,
        @DefaultValue("10s") Duration jwksRefetchInterval,
        @DefaultValue("http://localhost:8080") String issuer,
        @DefaultValue("event-platform") String audience,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("2h") Duration maxTokenLifetime,
        @DefaultValue List<String> publicPaths,
        @DefaultValue List<String> protectedPaths,
        @Nullable String operatorTokenSha256) {

    public OperatorToken operatorToken() {
        return OperatorToken.ofHash(operatorTokenSha256);
    }
}
