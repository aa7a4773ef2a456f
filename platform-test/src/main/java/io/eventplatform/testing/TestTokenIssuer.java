package io.eventplatform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.eventplatform.contracts.access.TokenClaims;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Signs platform tokens for tests of a service that verifies them (identity-service is not running there): RSA
 * keys, a real JWKS endpoint over HTTP, and user tokens with every claim of docs/auth.md, or broken ones.
 */
public final class TestTokenIssuer implements AutoCloseable {

    public static final String ISSUER = "http://issuer.test";
    public static final String AUDIENCE = "event-platform";

    private final List<RSAKey> published = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();

    public TestTokenIssuer() {
        published.add(newKey("key-1"));
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(published.stream().map(key -> (com.nimbusds.jose.jwk.JWK) key.toPublicJWK()).toList())
                    .toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** Points the service under test at this key set and issuer. */
    public void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("platform.security.jwks-uri", this::jwksUri);
        registry.add("platform.security.issuer", () -> ISSUER);
    }

    /** How often the key set was fetched so far. */
    public int keySetFetches() {
        return fetches.get();
    }

    public String jwksUri() {
        return "http://localhost:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    public RSAKey currentKey() {
        return published.get(0);
    }

    /** Publishes one more key (a rotation), as identity-service does before it starts signing with it. */
    public RSAKey publishNewKey(String kid) {
        RSAKey key = newKey(kid);
        published.add(key);
        return key;
    }

    public static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JWTClaimsSet.Builder userClaims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .audience(AUDIENCE)
                .issueTime(Date.from(now.minusSeconds(1)))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .jwtID(UUID.randomUUID().toString())
                .claim(TokenClaims.TYPE, TokenClaims.USER_TOKEN)
                .claim(TokenClaims.SESSION, "ses_" + UUID.randomUUID())
                .claim(TokenClaims.PLATFORM_ROLE, TokenClaims.USER);
    }

    public String token(Consumer<JWTClaimsSet.Builder> claims) {
        return sign(currentKey(), claims);
    }

    public static String sign(RSAKey key, Consumer<JWTClaimsSet.Builder> customize) {
        JWTClaimsSet.Builder claims = userClaims("usr_test");
        customize.accept(claims);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String unsigned() {
        return new PlainJWT(userClaims("usr_test").build()).serialize();
    }

    public static String hmac(String kid) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), userClaims("usr_test").build());
            jwt.sign(new MACSigner("a-shared-secret-that-is-long-enough-for-hs256!!".getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
