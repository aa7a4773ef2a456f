package io.eventplatform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.eventplatform.testing.TestTokenIssuer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The verifiers' key source against a real JWKS endpoint: cached, and refetched for unknown key ids only so often. */
class PlatformKeysTest {

    final TestTokenIssuer issuer = new TestTokenIssuer();
    final JWKSource<SecurityContext> keys = PlatformKeys.source(new SecurityProperties(URI.create(issuer.jwksUri()),
            Duration.ofMinutes(1), TestTokenIssuer.ISSUER, TestTokenIssuer.AUDIENCE, Duration.ofSeconds(60),
            Duration.ofHours(2), List.of(), List.of(), null));

    @AfterEach
    void stop() {
        issuer.close();
    }

    @Test
    void fiftyTokensWithMadeUpKeyIdsCauseAtMostTwoFetches() throws Exception {
        assertThat(lookUp("key-1")).hasSize(1);
        int afterFirst = issuer.keySetFetches();

        int refused = 0;
        for (int i = 0; i < 50; i++) {
            try {
                assertThat(lookUp("made-up-" + UUID.randomUUID())).isEmpty();
            } catch (KeySourceException rateLimited) {
                refused++;
            }
        }

        assertThat(issuer.keySetFetches() - afterFirst).isLessThanOrEqualTo(2);
        assertThat(refused).isGreaterThanOrEqualTo(48);
        assertThat(lookUp("key-1")).as("known keys still come from the cache").hasSize(1);
    }

    @Test
    void aColdCrowdWaitsForOneFetchAndEveryoneFindsTheKey() throws Exception {
        ExecutorService crowd = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<JWK>>> lookups = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                lookups.add(crowd.submit(() -> {
                    start.await();
                    return lookUp("key-1");
                }));
            }
            start.countDown();

            for (Future<List<JWK>> lookup : lookups) {
                assertThat(lookup.get(10, TimeUnit.SECONDS)).hasSize(1);
            }
            assertThat(issuer.keySetFetches()).isEqualTo(1);
        } finally {
            crowd.shutdownNow();
        }
    }

    @Test
    void aNewlyPublishedKeyIsFoundByOneMoreFetch() throws Exception {
        assertThat(lookUp("key-1")).hasSize(1);

        issuer.publishNewKey("key-2");

        assertThat(lookUp("key-2")).hasSize(1);
        assertThat(issuer.keySetFetches()).isEqualTo(2);
    }

    @Test
    void aKeySetThatCannotBeFetchedIsAnErrorNotAnEmptyAnswer() {
        issuer.close();

        assertThatThrownBy(() -> lookUp("key-1")).isInstanceOf(KeySourceException.class);
    }

    private List<JWK> lookUp(String kid) throws KeySourceException {
        return keys.get(new JWKSelector(new JWKMatcher.Builder().keyID(kid).build()), null);
    }
}
