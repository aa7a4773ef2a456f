package io.eventplatform.identity.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.identity.IdentityApi;
import io.eventplatform.testing.WithRealInfrastructure;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The complete browser-less login against a real OpenID Connect provider running in the test (redirect with
 * state, PKCE and nonce, the provider's redirect back, the code exchange, a verified id token, tokens), and the
 * same with GitHub's OAuth flow against a stand-in for GitHub.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.identity.tokens.issuer=http://issuer.test",
        "platform.security.issuer=http://issuer.test",
        "platform.auth.callback-base-url=http://gateway.test",
        "platform.auth.redirect-uris=https://app.example.com/after-login",
        "platform.auth.providers.dev-oidc.client-id=event-platform-test"})
@WithRealInfrastructure(kafka = true)
class ProviderLoginTest {

    static final MockOAuth2Server provider = started();
    static final FakeGitHub gitHub = new FakeGitHub();

    @LocalServerPort
    int port;

    IdentityApi api;
    /** The login cookie each started login left in "the browser", by state. */
    final Map<String, String> browser = new LinkedHashMap<>();

    static MockOAuth2Server started() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void providerSettings(DynamicPropertyRegistry registry) {
        registry.add("platform.auth.providers.dev-oidc.issuer-uri", () -> provider.issuerUrl("dev-oidc").toString());
        registry.add("platform.auth.providers.github.client-id", () -> FakeGitHub.CLIENT_ID);
        registry.add("platform.auth.providers.github.client-secret", () -> FakeGitHub.CLIENT_SECRET);
        registry.add("platform.auth.providers.github.authorization-uri", () -> gitHub.base() + "/login/oauth/authorize");
        registry.add("platform.auth.providers.github.token-uri", () -> gitHub.base() + "/login/oauth/access_token");
        registry.add("platform.auth.providers.github.api-uri", gitHub::base);
    }

    @AfterAll
    static void stopProviders() {
        provider.shutdown();
        gitHub.close();
    }

    @BeforeEach
    void client() {
        api = new IdentityApi(port);
    }

    @Test
    void configuredProvidersAreListedAndOthersAreNot() throws Exception {
        JsonNode providers = api.data(api.send("GET", "/api/v1/auth/providers", null, null), 200);

        assertThat(providers.findValuesAsString("id")).containsExactly("dev-oidc", "github");
        api.error(api.send("GET", "/api/v1/auth/google", null, null), 404, "NOT_FOUND");
        api.error(api.send("GET", "/api/v1/auth/nobody", null, null), 404, "NOT_FOUND");
    }

    @Test
    void theWholeRedirectFlowEndsWithTokensForTheProvidersUser() throws Exception {
        String email = "oidc+" + UUID.randomUUID() + "@example.com";
        URI authorize = startLogin(null);
        Map<String, String> asked = query(authorize);
        assertThat(asked).containsKeys("state", "nonce", "code_challenge").containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", "http://gateway.test/api/v1/auth/dev-oidc/callback")
                .containsEntry("client_id", "event-platform-test");

        Map<String, String> back = providerLogsIn(authorize, "subject-" + UUID.randomUUID(), email);
        HttpResponse<String> callback = callback(back.get("code"), back.get("state"));

        JsonNode tokens = api.data(callback, 200);
        JsonNode me = api.data(api.send("GET", "/api/v1/auth/me", IdentityApi.access(tokens), null), 200);
        assertThat(me.get("email").asString()).isEqualTo(email);
        assertThat(me.get("name").asString()).isEqualTo("Oidc User");
    }

    @Test
    void theSameProviderIdentityIsTheSameUserNextTime() throws Exception {
        String subject = "subject-" + UUID.randomUUID();
        String email = "again+" + UUID.randomUUID() + "@example.com";
        Map<String, String> first = providerLogsIn(startLogin(null), subject, email);
        String firstUser = api.data(callback(first.get("code"), first.get("state")), 200).get("user").get("id").asString();

        Map<String, String> second = providerLogsIn(startLogin(null), subject, email);
        String secondUser = api.data(callback(second.get("code"), second.get("state")), 200).get("user").get("id").asString();

        assertThat(secondUser).isEqualTo(firstUser);
    }

    @Test
    void tokensGoToAnAllowedAppUrlInTheFragment() throws Exception {
        URI authorize = startLogin("https://app.example.com/after-login");
        Map<String, String> back = providerLogsIn(authorize, "subject-" + UUID.randomUUID(), "frag+" + UUID.randomUUID() + "@example.com");

        HttpResponse<String> callback = callback(back.get("code"), back.get("state"));

        assertThat(callback.statusCode()).isEqualTo(302);
        String location = callback.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://app.example.com/after-login#access_token=").contains("&refresh_token=");
        assertThat(URI.create(location).getQuery()).isNull();
    }

    @Test
    void anAppUrlThatIsNotAllowedIsRefusedBeforeAnyRedirect() throws Exception {
        for (String evil : new String[] {"https://evil.example.com", "https://app.example.com/after-login/../x",
                "https://app.example.com/after-login?x=1", "//evil.example.com"}) {
            HttpResponse<String> response = api.send("GET", "/api/v1/auth/dev-oidc?redirect_uri="
                    + java.net.URLEncoder.encode(evil, StandardCharsets.UTF_8), null, null);

            api.error(response, 400, "BAD_REQUEST");
            assertThat(response.headers().firstValue("Location")).isEmpty();
        }
    }

    @Test
    void aStateIsGoodForOneCallbackOnlyAndMustBeOurs() throws Exception {
        Map<String, String> back = providerLogsIn(startLogin(null), "subject-" + UUID.randomUUID(), "once+" + UUID.randomUUID() + "@example.com");
        api.data(callback(back.get("code"), back.get("state")), 200);

        api.error(callback(back.get("code"), back.get("state")), 400, "BAD_REQUEST");
        api.error(callback(back.get("code"), "forged-state"), 400, "BAD_REQUEST");
        api.error(callback(back.get("code"), null), 400, "BAD_REQUEST");
    }

    @Test
    void theLoginCookieIsHttpOnlyLaxSecureAndOnlyForTheCallbackAndTheCallbackSpendsIt() throws Exception {
        HttpResponse<String> start = api.send("GET", "/api/v1/auth/dev-oidc", null, null);
        String cookie = start.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("platform_login_").contains("; Path=/api/v1/auth/dev-oidc/callback")
                .contains("; HttpOnly").contains("; SameSite=Lax").contains("; Secure").contains("; Max-Age=600");
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        browser.put(query(authorize).get("state"), cookie.substring(0, cookie.indexOf(';')));

        Map<String, String> back = providerLogsIn(authorize, "subject-" + UUID.randomUUID(), "cookie+" + UUID.randomUUID() + "@example.com");
        HttpResponse<String> callback = callback(back.get("code"), back.get("state"));

        api.data(callback, 200);
        assertThat(callback.headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith(cookie.substring(0, cookie.indexOf('=') + 1) + ";").contains("Max-Age=0");
    }

    @Test
    void aCallbackOpenedInAnotherBrowserThanTheOneThatStartedTheLoginIsRefused() throws Exception {
        // the attacker starts a login in their browser and signs in at the provider as themselves …
        URI attackersLogin = startLogin(null);
        Map<String, String> attackers = providerRedirectsBack(attackersLogin);
        // … and gets the victim's browser to open the callback: it has no cookie, or its own login's cookie
        URI victimsOwnLogin = startLogin(null);
        String victimsCookie = browser.get(query(victimsOwnLogin).get("state"));
        String url = "/api/v1/auth/dev-oidc/callback?code=" + attackers.get("code") + "&state=" + attackers.get("state");

        HttpResponse<String> withoutCookie = api.send("GET", url, null, null);
        HttpResponse<String> withOtherCookie = api.send("GET", url, null, null, Map.of("Cookie", victimsCookie));

        api.error(withoutCookie, 400, "BAD_REQUEST");
        assertThat(withoutCookie.body()).doesNotContain("accessToken");
        // the first refusal spent the attempt: the forged link cannot be tried again in any browser
        api.error(withOtherCookie, 400, "BAD_REQUEST");
        api.error(callback(attackers.get("code"), attackers.get("state")), 400, "BAD_REQUEST");
    }

    @Test
    void aForgedCookieValueIsRefused() throws Exception {
        URI authorize = startLogin(null);
        String state = query(authorize).get("state");
        Map<String, String> back = providerRedirectsBack(authorize);
        String name = browser.get(state).substring(0, browser.get(state).indexOf('='));

        api.error(api.send("GET", "/api/v1/auth/dev-oidc/callback?code=" + back.get("code") + "&state=" + state, null, null,
                Map.of("Cookie", name + "=guessed")), 400, "BAD_REQUEST");
    }

    @Test
    void aCodeTheProviderDoesNotKnowIsUnauthorized() throws Exception {
        URI authorize = startLogin(null);
        String state = query(authorize).get("state");

        api.error(callback("not-a-code", state), 401, "UNAUTHORIZED");
    }

    @Test
    void gitHubLoginUsesThePrimaryVerifiedEmailAndPkce() throws Exception {
        gitHub.emailVerified = true;
        URI authorize = start("github", null);
        assertThat(query(authorize)).containsKeys("state", "code_challenge").containsEntry("code_challenge_method", "S256");
        HttpResponse<String> atGitHub = api.http().send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> back = query(URI.create(atGitHub.headers().firstValue("Location").orElseThrow()));

        JsonNode tokens = api.data(callback("github", back.get("code"), back.get("state")), 200);

        JsonNode me = api.data(api.send("GET", "/api/v1/auth/me", IdentityApi.access(tokens), null), 200);
        assertThat(me.get("email").asString()).isEqualTo("octo@example.com");
        assertThat(me.get("name").asString()).isEqualTo("Octo Cat");
        assertThat(me.get("avatar").asString()).isEqualTo("https://avatars.example.com/u/4242");
    }

    @Test
    void aGitHubAccountWithoutAVerifiedEmailCannotLogIn() throws Exception {
        gitHub.emailVerified = false;
        try {
            URI authorize = start("github", null);
            HttpResponse<String> atGitHub = api.http().send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> back = query(URI.create(atGitHub.headers().firstValue("Location").orElseThrow()));

            api.error(callback("github", back.get("code"), back.get("state")), 401, "UNAUTHORIZED");
        } finally {
            gitHub.emailVerified = true;
        }
    }

    private URI startLogin(String redirectUri) throws Exception {
        return start("dev-oidc", redirectUri);
    }

    /** The browser starts a login: it follows the redirect and keeps the login cookie. */
    private URI start(String providerId, String redirectUri) throws Exception {
        String path = "/api/v1/auth/" + providerId + (redirectUri == null ? ""
                : "?redirect_uri=" + java.net.URLEncoder.encode(redirectUri, StandardCharsets.UTF_8));
        HttpResponse<String> response = api.send("GET", path, null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        URI authorize = URI.create(response.headers().firstValue("Location").orElseThrow());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        browser.put(query(authorize).get("state"), cookie.substring(0, cookie.indexOf(';')));
        return authorize;
    }

    /** The browser at the provider: it logs the user in and redirects back with code and state. */
    private Map<String, String> providerLogsIn(URI authorize, String subject, String email) throws Exception {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("dev-oidc", subject, "JWT", null,
                Map.of("email", email, "email_verified", true, "name", "Oidc User"), 3600));
        return providerRedirectsBack(authorize);
    }

    /** The provider's redirect back with code and state, for a login that is refused before the code is used. */
    private Map<String, String> providerRedirectsBack(URI authorize) throws Exception {
        HttpResponse<String> response = api.http().send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        URI back = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(back.getPath()).isEqualTo("/api/v1/auth/dev-oidc/callback");
        return query(back);
    }

    private HttpResponse<String> callback(String code, String state) throws Exception {
        return callback("dev-oidc", code, state);
    }

    /** The provider's redirect back, opened in the browser that holds the login cookies. */
    private HttpResponse<String> callback(String providerId, String code, String state) throws Exception {
        String query = "code=" + code + (state == null ? "" : "&state=" + state);
        String cookie = state == null ? null : browser.get(state);
        return api.send("GET", "/api/v1/auth/" + providerId + "/callback?" + query, null, null,
                cookie == null ? Map.of() : Map.of("Cookie", cookie));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int split = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, split), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(split + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
