package io.eventplatform.identity.login;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.eventplatform.contracts.json.PlatformJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The relying-party side of OpenID Connect: discovery, the authorization URL (code flow with state, PKCE S256 and
 * nonce), the code exchange, and a fully verified id token (signature from the provider's JWKS, issuer, audience,
 * expiry, nonce).
 */
@Component
class OidcClient {

    /** What discovery tells about a provider. */
    record Metadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, JWKSource<SecurityContext> keys) {
    }

    /** Who the provider says logged in. */
    record Identity(String subject, @Nullable String email, boolean emailVerified, @Nullable String name,
                    @Nullable String picture) {
    }

    /** The provider could not be reached or answered nonsense: not the user's fault. */
    static final class ProviderUnavailable extends RuntimeException {
        ProviderUnavailable(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    /** The provider's answer does not prove who the user is. */
    static final class NotVerified extends RuntimeException {
        NotVerified(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Map<String, Metadata> discovered = new ConcurrentHashMap<>();

    Metadata metadata(LoginProperties.Provider provider) {
        return discovered.computeIfAbsent(provider.issuerUri(), this::discover);
    }

    private Metadata discover(String issuerUri) {
        String base = issuerUri.endsWith("/") ? issuerUri.substring(0, issuerUri.length() - 1) : issuerUri;
        JsonNode document = getJson(URI.create(base + "/.well-known/openid-configuration"));
        String issuer = document.path("issuer").asString("");
        if (!issuer.equals(base) && !issuer.equals(issuerUri)) {
            throw new ProviderUnavailable("Discovery names issuer " + issuer + ", expected " + issuerUri, null);
        }
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(URI.create(document.path("jwks_uri").asString()).toURL())
                    .retrying(true).build();
            return new Metadata(issuer, URI.create(document.path("authorization_endpoint").asString()),
                    URI.create(document.path("token_endpoint").asString()), keys);
        } catch (IOException | IllegalArgumentException e) {
            throw new ProviderUnavailable("Discovery document of " + issuerUri + " is incomplete", e);
        }
    }

    URI authorizationUrl(LoginProperties.Provider provider, String callback, String state, String nonce, String challenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", provider.clientId());
        query.put("redirect_uri", callback);
        query.put("scope", provider.scope());
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", challenge);
        query.put("code_challenge_method", "S256");
        URI endpoint = metadata(provider).authorizationEndpoint();
        return URI.create(endpoint + (endpoint.getQuery() == null ? "?" : "&") + form(query));
    }

    Identity exchange(LoginProperties.Provider provider, String code, String verifier, String callback, String nonce) {
        Metadata metadata = metadata(provider);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", callback);
        form.put("client_id", provider.clientId());
        if (provider.clientSecret() != null && !provider.clientSecret().isBlank()) {
            form.put("client_secret", provider.clientSecret());
        }
        form.put("code_verifier", verifier);
        HttpResponse<String> response = send(HttpRequest.newBuilder(metadata.tokenEndpoint())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
        if (response.statusCode() >= 500) {
            throw new ProviderUnavailable("Token endpoint answered " + response.statusCode(), null);
        }
        if (response.statusCode() != 200) {
            throw new NotVerified("The provider refused the code (" + response.statusCode() + ")", null);
        }
        String idToken = PlatformJson.mapper().readTree(response.body()).path("id_token").asString("");
        if (idToken.isEmpty()) {
            throw new NotVerified("The provider returned no id token", null);
        }
        JWTClaimsSet claims = verify(idToken, metadata, provider.clientId());
        Object tokenNonce = claims.getClaim("nonce");
        if (!nonce.equals(tokenNonce)) {
            throw new NotVerified("The id token's nonce does not match this login", null);
        }
        try {
            Boolean verified = claims.getBooleanClaim("email_verified");
            return new Identity(claims.getSubject(), claims.getStringClaim("email"), verified != null && verified,
                    claims.getStringClaim("name"), claims.getStringClaim("picture"));
        } catch (java.text.ParseException e) {
            throw new NotVerified("The id token's claims have the wrong types", e);
        }
    }

    private static JWTClaimsSet verify(String idToken, Metadata metadata, String clientId) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.ES256, JWSAlgorithm.PS256),
                metadata.keys()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(clientId,
                new JWTClaimsSet.Builder().issuer(metadata.issuer()).build(), Set.of("sub", "iat", "exp")));
        try {
            return processor.process(idToken, null);
        } catch (Exception e) {
            throw new NotVerified("The id token does not verify: " + e.getMessage(), e);
        }
    }

    private JsonNode getJson(URI uri) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build());
        if (response.statusCode() != 200) {
            throw new ProviderUnavailable(uri + " answered " + response.statusCode(), null);
        }
        return PlatformJson.mapper().readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderUnavailable("Cannot reach " + request.uri().getHost() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("Interrupted", e);
        }
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
