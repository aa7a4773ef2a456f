package io.eventplatform.devstack;

import io.eventplatform.embedded.StartupException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * A real OpenID Connect provider on this machine (mock-oauth2-server): discovery, JWKS, authorization code flow
 * with PKCE and nonce. identity-service's {@code dev-oidc} login provider points at its issuer.
 */
final class OidcProvider implements AutoCloseable {

    static final String ISSUER_ID = "dev-oidc";

    private final MockOAuth2Server server;

    private OidcProvider(MockOAuth2Server server) {
        this.server = server;
    }

    static OidcProvider start(int port) {
        return start("localhost", port);
    }

    /** {@code host} is the address to bind: localhost for the dev stack, 0.0.0.0 inside a container. */
    static OidcProvider start(String host, int port) {
        try {
            // a login form in the browser: type any user name and, for a real account, claims such as
            // {"email": "ada@example.com", "email_verified": true, "name": "Ada"}
            MockOAuth2Server server = new MockOAuth2Server(
                    no.nav.security.mock.oauth2.OAuth2Config.Companion.fromJson("{\"interactiveLogin\": true}"));
            server.start(InetAddress.getByName(host), port);
            warmUp(server);
            return new OidcProvider(server);
        } catch (IOException | RuntimeException e) {
            throw new StartupException("oidc", e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    /** The first requests to a cold provider are slow; make them here, not in a service's token check. */
    private static void warmUp(MockOAuth2Server server) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String url : new String[] {server.wellKnownUrl(ISSUER_ID).toString(), server.jwksUrl(ISSUER_ID).toString()}) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) {
                    throw new IOException(url + " answered " + response.statusCode());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while warming up", e);
            }
        }
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
