package io.eventplatform.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventplatform.identity.IdentityApi;
import io.eventplatform.identity.IdentityApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Dev login, tokens, refresh rotation with reuse detection, logout and sessions, against real infrastructure. */
@IdentityApiTest
@ExtendWith(OutputCaptureExtension.class)
class AuthFlowTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void devLoginHandsOutATokenPairAndMeShowsTheProfile() throws Exception {
        JsonNode tokens = login("Ada.Lovelace+" + UUID.randomUUID() + "@Example.com", "Ada");

        assertThat(tokens.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(3600);
        assertThat(tokens.get("refreshToken").asString()).matches("[A-Za-z0-9_-]{43}");
        String email = tokens.get("user").get("email").asString();
        assertThat(email).isEqualTo(email.toLowerCase());

        JsonNode me = data(send("GET", "/api/v1/auth/me", access(tokens), null), 200);
        assertThat(me.get("email").asString()).isEqualTo(email);
        assertThat(me.get("name").asString()).isEqualTo("Ada");
        assertThat(me.get("platformRole").asString()).isEqualTo("user");
        assertThat(me.get("createdAt").asString()).matches(".*\\.\\d{3}Z");
    }

    @Test
    void aNewUserIsPublishedAndLoggingInAgainFindsTheSameUser() throws Exception {
        String email = "grace+" + UUID.randomUUID() + "@example.com";
        String first = login(email, "Grace").get("user").get("id").asString();
        String second = login(email.toUpperCase(), null).get("user").get("id").asString();

        assertThat(second).isEqualTo(first).startsWith("usr_");
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM outbox_events WHERE event_type = 'UserRegistered' AND message_key = ?""",
                Integer.class, first)).isEqualTo(1);
    }

    @Test
    void configuredAdminEmailsLogInAsPlatformAdmins() throws Exception {
        JsonNode me = data(send("GET", "/api/v1/auth/me", access(login("Boss@example.com", null)), null), 200);

        assertThat(me.get("platformRole").asString()).isEqualTo("admin");
    }

    @Test
    void devLoginValidatesItsInput() throws Exception {
        assertError(send("POST", "/api/v1/auth/dev/login", null, "{\"email\":\"not-an-email\"}"), 422, "VALIDATION_ERROR");
        assertError(send("POST", "/api/v1/auth/dev/login", null, "{\"email\":"), 400, "BAD_REQUEST");
        assertError(send("POST", "/api/v1/auth/dev/login", null, "{\"email\":\"a@b.co\",\"name\":\"\"}"), 422, "VALIDATION_ERROR");
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri("/api/v1/auth/dev/login"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("a@b.co")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertError(form, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void theKeySetPublishesOnlyPublicKeys() throws Exception {
        JsonNode jwks = json.readTree(send("GET", "/.well-known/jwks.json", null, null).body());

        JsonNode key = jwks.get("keys").get(0);
        assertThat(key.get("kid").asString()).isEqualTo("platform-1");
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.has("d")).isFalse();
        assertThat(key.has("p")).isFalse();
    }

    @Test
    void refreshRotatesBothTokens() throws Exception {
        JsonNode first = login("rotate+" + UUID.randomUUID() + "@example.com", null);

        JsonNode second = data(refresh(first), 200);

        assertThat(second.get("refreshToken").asString()).isNotEqualTo(first.get("refreshToken").asString());
        assertThat(second.get("accessToken").asString()).isNotEqualTo(first.get("accessToken").asString());
        assertThat(send("GET", "/api/v1/auth/me", access(second), null).statusCode()).isEqualTo(200);
        assertThat(refresh(second).statusCode()).isEqualTo(200);
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeSession() throws Exception {
        JsonNode first = login("stolen+" + UUID.randomUUID() + "@example.com", null);
        JsonNode second = data(refresh(first), 200);
        // the rotation happened a while ago: a second use now is not a race but a stolen token
        jdbc.update("UPDATE sessions SET revoked_at = now() - interval '1 minute' WHERE refresh_token_hash = encode(sha256(?::bytea), 'hex')",
                first.get("refreshToken").asString());

        assertError(refresh(first), 401, "UNAUTHORIZED");

        assertError(refresh(second), 401, "UNAUTHORIZED");
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(25))
                .until(() -> send("GET", "/api/v1/auth/me", access(second), null).statusCode() == 401);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM revoked_tokens WHERE reason = 'refresh_reuse' AND token_id = ?",
                Integer.class, "sid:" + sessionOf(second))).isEqualTo(1);
    }

    @Test
    void ofTwoRefreshesWithTheSameTokenExactlyOneWinsAndTheSessionLivesOn() throws Exception {
        JsonNode tokens = login("race+" + UUID.randomUUID() + "@example.com", null);
        List<Callable<HttpResponse<String>>> calls = List.of(() -> refresh(tokens), () -> refresh(tokens));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<HttpResponse<String>> responses = new ArrayList<>();
        try {
            for (Future<HttpResponse<String>> response : pool.invokeAll(calls)) {
                responses.add(response.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 401);
        // the loser presented a rotated token: with no grace window (the default) that is a reuse, like a thief's
        JsonNode winner = json.readTree(responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow().body()).get("data");
        assertError(refresh(winner), 401, "UNAUTHORIZED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM revoked_tokens WHERE reason = 'refresh_reuse' AND token_id = ?",
                Integer.class, "sid:" + sessionOf(winner))).isEqualTo(1);
    }

    @Test
    void aRotatedRefreshTokenPresentedAgainAtOnceEndsTheSession() throws Exception {
        JsonNode first = login("replay+" + UUID.randomUUID() + "@example.com", null);
        JsonNode second = data(refresh(first), 200);

        assertError(refresh(first), 401, "UNAUTHORIZED");

        assertError(refresh(second), 401, "UNAUTHORIZED");
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(25))
                .until(() -> send("GET", "/api/v1/auth/me", access(second), null).statusCode() == 401);
    }

    @Test
    void anIdempotencyKeyNeitherStoresTokensNorReplaysARotatedRefresh() throws Exception {
        JsonNode tokens = login("keyed+" + UUID.randomUUID() + "@example.com", null);
        String key = UUID.randomUUID().toString();
        String body = "{\"refreshToken\":\"" + tokens.get("refreshToken").asString() + "\"}";

        JsonNode rotated = data(api().send("POST", "/api/v1/auth/refresh", null, body, Map.of("Idempotency-Key", key)), 200);
        HttpResponse<String> again = api().send("POST", "/api/v1/auth/refresh", null, body, Map.of("Idempotency-Key", key));

        assertError(again, 401, "UNAUTHORIZED");
        assertThat(again.headers().firstValue("Idempotency-Replayed")).isEmpty();
        assertThat(again.body()).doesNotContain(rotated.get("refreshToken").asString());
        assertError(refresh(rotated), 401, "UNAUTHORIZED"); // the reuse ended the session
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?",
                Integer.class, key)).isZero();
    }

    @Test
    void aDevLoginWithAnIdempotencyKeyIsAFreshLoginEachTime() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"email\":\"twice+" + UUID.randomUUID() + "@example.com\"}";

        JsonNode first = data(api().send("POST", "/api/v1/auth/dev/login", null, body, Map.of("Idempotency-Key", key)), 200);
        JsonNode second = data(api().send("POST", "/api/v1/auth/dev/login", null, body, Map.of("Idempotency-Key", key)), 200);

        assertThat(sessionOf(second)).isNotEqualTo(sessionOf(first));
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM idempotency_keys
                 WHERE position(convert_to(?, 'UTF8') IN response_body) > 0 OR idempotency_key = ?""",
                Integer.class, first.get("refreshToken").asString(), key)).isZero();
    }

    @Test
    void aSessionRecordsTheClientsAddressThatTheGatewaySaw() throws Exception {
        String body = "{\"email\":\"far+" + UUID.randomUUID() + "@example.com\"}";
        JsonNode tokens = data(api().sendFrom("203.0.113.50", "POST", "/api/v1/auth/dev/login", null, body), 200);

        JsonNode sessions = json.readTree(send("GET", "/api/v1/auth/sessions", access(tokens), null).body()).get("data");

        assertThat(sessions.get(0).get("ipAddress").asString()).isEqualTo("203.0.113.50");
    }

    @Test
    void logoutRevokesTheAccessTokenAtOnceAndEndsTheSession() throws Exception {
        JsonNode tokens = login("bye+" + UUID.randomUUID() + "@example.com", null);

        JsonNode result = data(send("POST", "/api/v1/auth/logout", access(tokens), "{}"), 200);

        assertThat(result.get("success").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(25))
                .until(() -> send("GET", "/api/v1/auth/me", access(tokens), null).statusCode() == 401);
        assertError(refresh(tokens), 401, "UNAUTHORIZED");
    }

    @Test
    void aLogoutBodyWithAPropertyItDoesNotTakeIsRefusedAndTheSessionLivesOn() throws Exception {
        JsonNode tokens = login("stay+" + UUID.randomUUID() + "@example.com", null);

        HttpResponse<String> refused = send("POST", "/api/v1/auth/logout", access(tokens), "{\"everywhere\": true}");

        assertError(refused, 422, "VALIDATION_ERROR");
        assertThat(json.readTree(refused.body()).get("error").get("details").get("fields").get("everywhere").get(0).asString())
                .isEqualTo("cannot be set");
        assertThat(send("GET", "/api/v1/auth/me", access(tokens), null).statusCode()).isEqualTo(200);
        assertThat(refresh(tokens).statusCode()).isEqualTo(200);
    }

    @Test
    void usersSeeAndEndTheirOwnSessionsOnly() throws Exception {
        String email = "sessions+" + UUID.randomUUID() + "@example.com";
        JsonNode laptop = login(email, null);
        JsonNode phone = login(email, null);
        JsonNode stranger = login("stranger+" + UUID.randomUUID() + "@example.com", null);

        HttpResponse<String> listed = send("GET", "/api/v1/auth/sessions", access(laptop), null);
        JsonNode page = json.readTree(listed.body());
        assertThat(page.get("meta").get("total").asLong()).isEqualTo(2);
        assertThat(page.get("data").findValues("current")).extracting(JsonNode::asBoolean).containsExactlyInAnyOrder(true, false);

        assertError(send("DELETE", "/api/v1/auth/sessions/" + sessionOf(phone), access(stranger), null), 404, "NOT_FOUND");
        assertThat(send("DELETE", "/api/v1/auth/sessions/" + sessionOf(phone), access(laptop), null).statusCode()).isEqualTo(200);
        assertError(send("DELETE", "/api/v1/auth/sessions/" + sessionOf(phone), access(laptop), null), 404, "NOT_FOUND");
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(25))
                .until(() -> send("GET", "/api/v1/auth/me", access(phone), null).statusCode() == 401);
        assertThat(json.readTree(send("GET", "/api/v1/auth/sessions", access(laptop), null).body())
                .get("meta").get("total").asLong()).isEqualTo(1);
        assertError(send("GET", "/api/v1/auth/sessions?sort=createdAt", access(laptop), null), 400, "BAD_REQUEST");
    }

    @Test
    void theOwnProfileAndSessionsNeedAToken() throws Exception {
        assertError(send("GET", "/api/v1/auth/me", null, null), 401, "UNAUTHORIZED");
        assertError(send("GET", "/api/v1/auth/sessions", null, null), 401, "UNAUTHORIZED");
        assertError(send("POST", "/api/v1/auth/logout", null, "{}"), 401, "UNAUTHORIZED");
        assertError(send("GET", "/api/v1/auth/me", "not.a.token", null), 401, "UNAUTHORIZED");
    }

    @Test
    void noTokenEverAppearsInTheLogs(CapturedOutput output) throws Exception {
        JsonNode tokens = login("quiet+" + UUID.randomUUID() + "@example.com", null);
        JsonNode rotated = data(refresh(tokens), 200);
        send("POST", "/api/v1/auth/logout", access(rotated), "{\"refreshToken\":\"" + rotated.get("refreshToken").asString() + "\"}");
        refresh(rotated);

        for (JsonNode pair : List.of(tokens, rotated)) {
            assertThat(output.getAll()).doesNotContain(pair.get("accessToken").asString(), pair.get("refreshToken").asString());
        }
    }

    private JsonNode login(String email, String name) throws Exception {
        return api().login(email, name);
    }

    private HttpResponse<String> refresh(JsonNode tokens) throws Exception {
        return api().refresh(tokens);
    }

    private String sessionOf(JsonNode tokens) {
        return api().claim(tokens, "sid");
    }

    private static String access(JsonNode tokens) {
        return IdentityApi.access(tokens);
    }

    private JsonNode data(HttpResponse<String> response, int status) {
        return api().data(response, status);
    }

    private void assertError(HttpResponse<String> response, int status, String code) {
        api().error(response, status, code);
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return api().send(method, path, token, body);
    }

    private IdentityApi api() {
        return new IdentityApi(port);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
