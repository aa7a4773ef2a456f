package io.eventplatform.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.time.Duration;

/**
 * identity-service's public keys as every verifier reads them (Nimbus's JWK source): cached for 5 minutes, fetched
 * again when a token names a key the cache does not hold — but at most twice per {@code jwksRefetchInterval}, so a
 * flood of tokens with made-up key ids cannot turn into a flood of fetches at identity-service. A token whose key
 * could not be looked up because of the limit is refused (401), like any token that cannot be verified.
 */
public final class PlatformKeys {

    private static final Duration CACHE = Duration.ofMinutes(5);
    private static final Duration FETCH_WAIT = Duration.ofSeconds(5);

    private PlatformKeys() {
    }

    public static JWKSource<SecurityContext> source(SecurityProperties properties) {
        try {
            return JWKSourceBuilder.create(properties.jwksUri().toURL(),
                            new DefaultResourceRetriever(2_000, 5_000, 512 * 1024))
                    .cache(CACHE.toMillis(), FETCH_WAIT.toMillis())
                    .refreshAheadCache(false)
                    .rateLimited(properties.jwksRefetchInterval().toMillis())
                    .retrying(false)
                    .outageTolerant(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("platform.security.jwks-uri is not a URL: " + properties.jwksUri(), e);
        }
    }
}
