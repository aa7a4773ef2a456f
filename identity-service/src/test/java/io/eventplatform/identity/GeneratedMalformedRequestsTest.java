package io.eventplatform.identity;

import static io.eventplatform.identity.IdentityApi.access;
import static io.eventplatform.identity.IdentityApi.userId;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.identity.app.Manifests;
import io.eventplatform.testing.ApiClient;
import io.eventplatform.testing.MalformedRequests;
import io.eventplatform.testing.MalformedRequests.Endpoint;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Thousands of generated malformed requests to every identity-service endpoint, as a platform admin (so every
 * endpoint is open to the caller): never a 5xx, always the error envelope, and users, sessions, revocations, apps
 * and the outbox exactly as before. ({@code POST /apps/{appId}/regenerate-secret} takes no body: any request
 * to it that passes the token and path checks changes the secret, so it is left to AppsApiTest.)
 */
@IdentityApiTest
class GeneratedMalformedRequestsTest {

    private static final long SEED = 20261203L;
    private static final List<String> APP_FIELDS = List.of("appId", "manifest", "isActive");
    private static final List<String> PROFILE_FIELDS = List.of("name", "avatar");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noGeneratedRequestReachesA5xxOrChangesData() throws Exception {
        IdentityApi identity = new IdentityApi(port);
        JsonNode admin = identity.login("apps-admin@example.com", "Admin");
        String appId = "app_fuzz_" + UUID.randomUUID().toString().substring(0, 8);
        identity.data(identity.send("POST", "/api/v1/apps", access(admin),
                "{\"appId\":\"" + appId + "\",\"manifest\":" + Manifests.lottery() + "}"), 201);
        String sessionId = identity.data(identity.send("GET", "/api/v1/auth/sessions", access(admin), null), 200)
                .get(0).get("id").asString();
        String user = "/api/v1/users/" + userId(admin);
        String app = "/api/v1/apps/" + appId;
        List<Endpoint> endpoints = List.of(
                new Endpoint("GET", "/api/v1/auth/providers", List.of()),
                new Endpoint("POST", "/api/v1/auth/dev/login", List.of("email", "name")),
                new Endpoint("POST", "/api/v1/auth/refresh", List.of("refreshToken")),
                new Endpoint("POST", "/api/v1/auth/logout", List.of("refreshToken")),
                new Endpoint("GET", "/api/v1/auth/me", List.of()),
                new Endpoint("GET", "/api/v1/auth/sessions", List.of()),
                new Endpoint("DELETE", "/api/v1/auth/sessions/" + sessionId, List.of()),
                new Endpoint("GET", user, List.of()), new Endpoint("PATCH", user, PROFILE_FIELDS),
                new Endpoint("DELETE", user, List.of()),
                new Endpoint("POST", "/api/v1/apps", APP_FIELDS), new Endpoint("GET", "/api/v1/apps", List.of()),
                new Endpoint("GET", app, List.of()), new Endpoint("GET", app + "/manifests", List.of()),
                new Endpoint("PATCH", app, APP_FIELDS), new Endpoint("DELETE", app, List.of()),
                new Endpoint("POST", "/api/v1/apps/token", List.of("appId", "appSecret")));

        int sent = new MalformedRequests(new ApiClient(port), SEED).check(endpoints, access(admin), 3000,
                () -> jdbc.queryForObject("""
                        SELECT (SELECT md5(coalesce(string_agg(concat_ws('|', u.id, u.name, u.avatar, u.version, u.deleted_at), ','
                                    ORDER BY u.id), '')) FROM users u)
                            || (SELECT md5(coalesce(string_agg(concat_ws('|', s.id, s.refresh_token_hash, s.revoked_at), ','
                                    ORDER BY s.id), '')) FROM sessions s)
                            || (SELECT md5(coalesce(string_agg(a::text, ',' ORDER BY a.app_id), '')) FROM apps a)
                            || (SELECT count(*) FROM revoked_tokens)
                            || (SELECT count(*) FROM outbox_events)""", String.class));

        assertThat(sent).isEqualTo(3000);
    }
}
