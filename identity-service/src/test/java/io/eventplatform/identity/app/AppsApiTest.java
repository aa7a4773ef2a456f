package io.eventplatform.identity.app;

import static io.eventplatform.identity.IdentityApi.access;
import static io.eventplatform.identity.IdentityApi.userId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventplatform.identity.IdentityApi;
import io.eventplatform.identity.IdentityApiTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Registering and administering apps, and exchanging their secret for app tokens. */
@IdentityApiTest
class AppsApiTest {

    @LocalServerPort
    int port;

    @Autowired JdbcTemplate jdbc;

    IdentityApi api;
    String admin;
    String user;

    @BeforeEach
    void callers() throws Exception {
        api = new IdentityApi(port);
        admin = access(api.login("apps-admin@example.com", "Admin"));
        user = access(api.newUser("player"));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anAdminRegistersAnAppAndSeesItsSecretOnlyOnce(CapturedOutput output) throws Exception {
        String appId = newAppId();

        JsonNode created = register(appId, Manifests.lottery());

        assertThat(created.get("appId").asString()).isEqualTo(appId);
        assertThat(created.get("appSecret").asString()).matches("sk_live_[A-Za-z0-9_-]{43}");
        assertThat(created.get("manifestVersion").asString()).isEqualTo("1.0.0");
        String stored = jdbc.queryForObject("SELECT secret_hash FROM apps WHERE app_id = ?", String.class, appId);
        assertThat(stored).startsWith("$2").doesNotContain(created.get("appSecret").asString());
        JsonNode detail = api.data(api.send("GET", "/api/v1/apps/" + appId, user, null), 200);
        assertThat(detail.toString()).doesNotContain("sk_live_").doesNotContain("secret");
        assertThat(detail.get("isActive").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_events WHERE event_type = 'AppRegistered' AND message_key = ?",
                Integer.class, appId)).isEqualTo(1);
        String appToken = api.data(tokenRequest(appId, created.get("appSecret").asString()), 200).get("accessToken").asString();
        assertThat(output.getAll()).doesNotContain(created.get("appSecret").asString(), appToken);
    }

    @Test
    void aRegistrationWithAnIdempotencyKeyRunsOnceAndItsSecretIsNeverStored() throws Exception {
        String appId = newAppId();
        String body = "{\"appId\":\"" + appId + "\",\"manifest\":" + Manifests.lottery() + "}";
        String key = UUID.randomUUID().toString();

        JsonNode created = api.data(api.send("POST", "/api/v1/apps", admin, body, Map.of("Idempotency-Key", key)), 201);
        HttpResponse<String> repeat = api.send("POST", "/api/v1/apps", admin, body, Map.of("Idempotency-Key", key));
        HttpResponse<String> regenerated = api.send("POST", "/api/v1/apps/" + appId + "/regenerate-secret", admin, null,
                Map.of("Idempotency-Key", key + "-r"));

        api.error(repeat, 409, "CONFLICT");
        assertThat(repeat.body()).doesNotContain("sk_live_");
        String newSecret = api.data(regenerated, 200).get("appSecret").asString();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM idempotency_keys
                 WHERE position('sk_live_'::bytea IN response_body) > 0 OR position(convert_to(?, 'UTF8') IN response_body) > 0""",
                Integer.class, newSecret)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_keys WHERE idempotency_key IN (?, ?) AND response_withheld",
                Integer.class, key, key + "-r")).isEqualTo(2);
        assertThat(created.get("appSecret").asString()).isNotEqualTo(newSecret);
    }

    @Test
    void onlyAdminsRegisterAndBadRequestsAreRefusedPerField() throws Exception {
        String body = "{\"appId\":\"" + newAppId() + "\",\"manifest\":" + Manifests.lottery() + "}";
        api.error(api.send("POST", "/api/v1/apps", user, body), 403, "FORBIDDEN");
        api.error(api.send("POST", "/api/v1/apps", null, body), 401, "UNAUTHORIZED");

        JsonNode invalid = api.error(api.send("POST", "/api/v1/apps", admin,
                "{\"appId\":\"Lottery!\",\"manifest\":{\"meta\":{\"name\":\"\"}},\"secretHash\":\"x\"}"), 422, "VALIDATION_ERROR");
        assertThat(invalid.get("details").get("fields").propertyNames())
                .contains("appId", "secretHash", "manifest.meta.name", "manifest.baseUrl", "manifest.permissions");

        String taken = newAppId();
        register(taken, Manifests.lottery());
        api.error(api.send("POST", "/api/v1/apps", admin, "{\"appId\":\"" + taken + "\",\"manifest\":" + Manifests.lottery() + "}"),
                409, "CONFLICT");
    }

    @Test
    void theCatalogIsPaginatedAndSortable() throws Exception {
        register(newAppId(), Manifests.lottery());
        register(newAppId(), Manifests.lottery());

        HttpResponse<String> page = api.send("GET", "/api/v1/apps?limit=1&sort=appId", user, null);
        JsonNode body = api.json(page.body());
        assertThat(body.get("data")).hasSize(1);
        assertThat(body.get("meta").get("limit").asInt()).isEqualTo(1);
        assertThat(body.get("meta").get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(body.get("data").get(0).get("name").asString()).isEqualTo("Holiday Lottery");
        api.error(api.send("GET", "/api/v1/apps?sort=secret", user, null), 400, "BAD_REQUEST");
    }

    @Test
    void theSecretBuysAnAppTokenWithTheManifestsPermissions() throws Exception {
        String appId = newAppId();
        String secret = register(appId, Manifests.lottery()).get("appSecret").asString();

        JsonNode token = api.data(tokenRequest(appId, secret), 200);

        assertThat(token.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(token.get("expiresIn").asLong()).isEqualTo(3600);
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.get("accessToken").asString().split("\\.")[1]));
        JsonNode claims = api.json(payload);
        assertThat(claims.get("typ").asString()).isEqualTo("app");
        assertThat(claims.get("sub").asString()).isEqualTo(appId);
        assertThat(claims.get("perms").toString()).contains("prizes:write", "winners:write");
    }

    @Test
    void wrongCredentialsAreTheSame401AndTheGuesserIsThrottledNotTheApp() throws Exception {
        String appId = newAppId();
        String secret = register(appId, Manifests.lottery()).get("appSecret").asString();
        String guesser = "203.0.113." + (1 + (int) (Math.random() * 250));
        String appServer = "198.51.100." + (1 + (int) (Math.random() * 250));

        HttpResponse<String> wrongSecret = tokenRequestFrom(guesser, appId, "sk_live_wrong");
        HttpResponse<String> unknownApp = tokenRequestFrom(guesser, newAppId(), "sk_live_wrong");

        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(unknownApp.body()).isEqualTo(wrongSecret.body());
        for (int i = 0; i < 3; i++) {
            tokenRequestFrom(guesser, appId, "sk_live_wrong");
        }
        HttpResponse<String> throttled = tokenRequestFrom(guesser, appId, secret);
        api.error(throttled, 429, "RATE_LIMIT_EXCEEDED");
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        // the app's own server, at another address, is not locked out by the guesser
        api.data(tokenRequestFrom(appServer, appId, secret), 200);
    }

    @Test
    void regeneratingTheSecretStopsTheOldSecretAndItsTokensAtOnce() throws Exception {
        String appId = newAppId();
        String oldSecret = register(appId, Manifests.lottery()).get("appSecret").asString();
        String appToken = api.data(tokenRequest(appId, oldSecret), 200).get("accessToken").asString();
        String someone = "/api/v1/users/" + userId(api.newUser("someone"));
        api.error(api.send("GET", someone, appToken, null), 403, "APP_PERMISSION_DENIED");

        JsonNode regenerated = api.data(api.send("POST", "/api/v1/apps/" + appId + "/regenerate-secret", admin, null), 200);

        assertThat(regenerated.get("appSecret").asString()).isNotEqualTo(oldSecret);
        api.error(tokenRequest(appId, oldSecret), 401, "UNAUTHORIZED");
        api.data(tokenRequest(appId, regenerated.get("appSecret").asString()), 200);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(25))
                .until(() -> api.send("GET", someone, appToken, null).statusCode() == 401);
    }

    @Test
    void aTokenIssuedRightAfterTheSecretChangesAlwaysWorks() throws Exception {
        String appId = newAppId();
        String secret = register(appId, Manifests.lottery()).get("appSecret").asString();
        for (int round = 0; round < 4; round++) {
            String old = api.data(tokenRequest(appId, secret), 200).get("accessToken").asString();

            secret = api.data(api.send("POST", "/api/v1/apps/" + appId + "/regenerate-secret", admin, null), 200)
                    .get("appSecret").asString();
            String fresh = api.data(tokenRequest(appId, secret), 200).get("accessToken").asString();

            // once the cut-off is in force (the old token refused), the token issued after it is still good
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(25))
                    .until(() -> api.send("GET", "/api/v1/apps/" + appId, old, null).statusCode() == 401);
            assertThat(api.send("GET", "/api/v1/apps/" + appId, fresh, null).statusCode()).as("round " + round).isEqualTo(200);
        }
    }

    @Test
    void narrowingTheManifestsPermissionsRevokesTheAppsLiveTokens() throws Exception {
        String appId = newAppId();
        String secret = register(appId, Manifests.lottery("1.0.0")).get("appSecret").asString();
        String broad = api.data(tokenRequest(appId, secret), 200).get("accessToken").asString();
        ObjectNode narrower = Manifests.lottery("1.1.0");
        narrower.putArray("capabilities").add("prizeFund");
        narrower.remove("webhooks");
        narrower.putArray("permissions").add("rooms:read").add("prizes:write");
        ObjectNode wider = narrower.deepCopy();
        ((ObjectNode) wider.get("meta")).put("version", "1.2.0");
        wider.putArray("permissions").add("rooms:read").add("prizes:write").add("participants:read");

        api.data(patch(appId, "{\"manifest\":" + narrower + "}"), 200);

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(25))
                .until(() -> api.send("GET", "/api/v1/apps/" + appId, broad, null).statusCode() == 401);
        String narrow = api.data(tokenRequest(appId, secret), 200).get("accessToken").asString();
        JsonNode claims = api.json(new String(java.util.Base64.getUrlDecoder().decode(narrow.split("\\.")[1])));
        assertThat(claims.get("perms").toString()).isEqualTo("[\"rooms:read\",\"prizes:write\"]");
        api.data(patch(appId, "{\"manifest\":" + wider + "}"), 200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM revoked_tokens WHERE user_id = ? AND reason = 'app_permissions_narrowed'",
                Integer.class, appId)).isEqualTo(1);
        assertThat(api.send("GET", "/api/v1/apps/" + appId, narrow, null).statusCode()).isEqualTo(200);
    }

    @Test
    void anAppTokenCannotAdministerAppsNorActAsAUser() throws Exception {
        String appId = newAppId();
        String secret = register(appId, Manifests.lottery()).get("appSecret").asString();
        String appToken = api.data(tokenRequest(appId, secret), 200).get("accessToken").asString();

        api.error(api.send("POST", "/api/v1/apps", appToken, "{\"manifest\":" + Manifests.lottery() + "}"), 403, "FORBIDDEN");
        api.error(api.send("PATCH", "/api/v1/apps/" + appId, appToken, "{\"isActive\":false}"), 403, "FORBIDDEN");
        api.error(api.send("POST", "/api/v1/apps/" + appId + "/regenerate-secret", appToken, null), 403, "FORBIDDEN");
        api.error(api.send("GET", "/api/v1/auth/me", appToken, null), 403, "FORBIDDEN");
        api.error(api.send("GET", "/api/v1/auth/sessions", appToken, null), 403, "FORBIDDEN");
        api.error(api.send("DELETE", "/api/v1/users/" + userId(api.newUser("target")), appToken, null), 403, "FORBIDDEN");
        api.data(api.send("GET", "/api/v1/apps/" + appId, appToken, null), 200);
    }

    @Test
    void aNewManifestMustBeNewerAndTheOldOneIsKept() throws Exception {
        String appId = newAppId();
        register(appId, Manifests.lottery("1.2.0"));

        api.error(patch(appId, "{\"manifest\":" + Manifests.lottery("1.2.0") + "}"), 409, "MANIFEST_VERSION_NOT_NEWER");
        api.error(patch(appId, "{\"manifest\":" + Manifests.lottery("1.1.9") + "}"), 409, "MANIFEST_VERSION_NOT_NEWER");
        JsonNode updated = api.data(patch(appId, "{\"manifest\":" + Manifests.lottery("1.10.0") + "}"), 200);

        assertThat(updated.get("manifestVersion").asString()).isEqualTo("1.10.0");
        JsonNode versions = api.json(api.send("GET", "/api/v1/apps/" + appId + "/manifests", user, null).body());
        assertThat(versions.get("data")).hasSize(2);
        assertThat(versions.get("data").get(0).get("version").asString()).isEqualTo("1.10.0");
        assertThat(versions.get("data").get(1).get("version").asString()).isEqualTo("1.2.0");
        assertThat(versions.get("data").get(0).get("replacedAt").isNull()).isTrue();
        assertThat(versions.get("data").get(1).get("replacedAt").asString()).endsWith("Z");
        api.error(api.send("GET", "/api/v1/apps/" + appId + "/manifests?sort=version", user, null), 400, "BAD_REQUEST");
        api.error(patch(appId, "{\"isActive\":\"no\"}"), 422, "VALIDATION_ERROR");
    }

    @Test
    void aDeactivatedAppGetsNoTokensAndLosesItsLiveOnes() throws Exception {
        String appId = newAppId();
        String secret = register(appId, Manifests.lottery()).get("appSecret").asString();
        String appToken = api.data(tokenRequest(appId, secret), 200).get("accessToken").asString();

        assertThat(api.data(patch(appId, "{\"isActive\":false}"), 200).get("isActive").asBoolean()).isFalse();

        api.error(tokenRequest(appId, secret), 401, "UNAUTHORIZED");
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(25))
                .until(() -> api.send("GET", "/api/v1/auth/me", appToken, null).statusCode() == 401);
        api.data(patch(appId, "{\"isActive\":true}"), 200);
        api.data(tokenRequest(appId, secret), 200);
    }

    @Test
    void aDeletedAppIsGoneAndItsIdIsNeverReused() throws Exception {
        String appId = newAppId();
        register(appId, Manifests.lottery());
        api.error(api.send("DELETE", "/api/v1/apps/" + appId, user, null), 403, "FORBIDDEN");

        api.data(api.send("DELETE", "/api/v1/apps/" + appId, admin, null), 200);

        api.error(api.send("GET", "/api/v1/apps/" + appId, user, null), 404, "NOT_FOUND");
        api.error(api.send("POST", "/api/v1/apps", admin, "{\"appId\":\"" + appId + "\",\"manifest\":" + Manifests.lottery() + "}"),
                409, "CONFLICT");
    }

    @Test
    void anAppThatRoomsStillUseCannotBeDeleted() throws Exception {
        String appId = newAppId();
        register(appId, Manifests.lottery());
        jdbc.update("INSERT INTO replica_rooms (room_id, created_by, app_id, aggregate_version) VALUES (?, 'usr_x', ?, 1)",
                "room_" + UUID.randomUUID(), appId);

        api.error(api.send("DELETE", "/api/v1/apps/" + appId, admin, null), 409, "APP_HAS_ROOMS");
    }

    private JsonNode register(String appId, ObjectNode manifest) throws Exception {
        return api.data(api.send("POST", "/api/v1/apps", admin, "{\"appId\":\"" + appId + "\",\"manifest\":" + manifest + "}"), 201);
    }

    private HttpResponse<String> patch(String appId, String body) throws Exception {
        return api.send("PATCH", "/api/v1/apps/" + appId, admin, body);
    }

    private HttpResponse<String> tokenRequestFrom(String address, String appId, String secret) throws Exception {
        return api.sendFrom(address, "POST", "/api/v1/apps/token", null,
                "{\"appId\":\"" + appId + "\",\"appSecret\":\"" + secret + "\"}");
    }

    private HttpResponse<String> tokenRequest(String appId, String secret) throws Exception {
        return api.send("POST", "/api/v1/apps/token", null, "{\"appId\":\"" + appId + "\",\"appSecret\":\"" + secret + "\"}");
    }

    private static String newAppId() {
        return "app_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
