package io.eventplatform.identity.data;

import static io.eventplatform.identity.IdentityApi.access;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.identity.IdentityApi;
import io.eventplatform.identity.IdentityApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The read-only data browser on identity-service's own tables: admins only, secrets masked, pages and sorting. */
@IdentityApiTest
class DataBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    IdentityApi api;
    String admin;

    @BeforeEach
    void admin() throws Exception {
        api = new IdentityApi(port);
        admin = access(api.login("root@example.com", "Root"));
    }

    @Test
    void anAdminSeesEveryTableWithItsRowCount() throws Exception {
        JsonNode data = api.data(api.send("GET", "/api/v1/admin/data/identity", admin, null), 200);

        assertThat(data.get("service").asString()).isEqualTo("identity");
        assertThat(data.get("tables").findValuesAsString("name"))
                .contains("users", "sessions", "apps", "revoked_tokens", "outbox_events", "idempotency_keys");
        long users = jdbc.queryForObject("SELECT count(*) FROM users", Long.class);
        JsonNode usersTable = null;
        for (JsonNode table : data.get("tables")) {
            if (table.get("name").asString().equals("users")) {
                usersTable = table;
            }
        }
        assertThat(usersTable).isNotNull();
        assertThat(usersTable.get("rows").asLong()).isEqualTo(users);
    }

    @Test
    void rowsComeAPageAtATimeSortedOnAnIndexedColumn() throws Exception {
        for (int i = 0; i < 3; i++) {
            api.newUser("browse");
        }

        JsonNode first = api.json(api.send("GET", "/api/v1/admin/data/identity/users?limit=2&sort=email", admin, null).body());
        JsonNode second = api.json(api.send("GET", "/api/v1/admin/data/identity/users?limit=2&offset=2&sort=email", admin, null).body());

        assertThat(first.get("data")).hasSize(2);
        assertThat(first.get("meta").get("limit").asInt()).isEqualTo(2);
        assertThat(first.get("meta").get("total").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(second.get("meta").get("page").asInt()).isEqualTo(2);
        String lastOfFirst = first.get("data").get(1).get("email").asString();
        String firstOfSecond = second.get("data").get(0).get("email").asString();
        assertThat(lastOfFirst.compareTo(firstOfSecond)).isLessThan(0);
        assertThat(first.get("table").get("columns").toString()).contains("\"email\"", "\"created_at\"");
        assertThat(first.get("table").get("sortable").toString()).contains("email");
        api.error(api.send("GET", "/api/v1/admin/data/identity/users?sort=name", admin, null), 400, "BAD_REQUEST");
        api.error(api.send("GET", "/api/v1/admin/data/identity/users?limit=101", admin, null), 400, "BAD_REQUEST");
        api.error(api.send("GET", "/api/v1/admin/data/identity/users?offset=-1", admin, null), 400, "BAD_REQUEST");
    }

    @Test
    void noHashOrSecretValueIsEverShown() throws Exception {
        JsonNode someone = api.newUser("secretive");
        String refresh = someone.get("refreshToken").asString();
        String hash = jdbc.queryForObject("SELECT refresh_token_hash FROM sessions WHERE user_id = ? LIMIT 1", String.class,
                IdentityApi.userId(someone));

        String sessions = api.send("GET", "/api/v1/admin/data/identity/sessions?limit=100&sort=-last_used_at", admin, null).body();
        String apps = api.send("GET", "/api/v1/admin/data/identity/apps?limit=100", admin, null).body();

        assertThat(sessions).doesNotContain(hash).doesNotContain(refresh).contains("\"refresh_token_hash\":\"••••••\"");
        assertThat(apps).doesNotContain("$2a$").doesNotContain("$2b$");
        // a masked column cannot be sorted on either: its order would tell about the values
        api.error(api.send("GET", "/api/v1/admin/data/identity/sessions?sort=refresh_token_hash", admin, null), 400, "BAD_REQUEST");
    }

    @Test
    void onlyPlatformAdminsMayBrowseAndUnknownTablesAreNotFound() throws Exception {
        String user = access(api.newUser("curious"));

        api.error(api.send("GET", "/api/v1/admin/data/identity", user, null), 403, "FORBIDDEN");
        api.error(api.send("GET", "/api/v1/admin/data/identity/users", user, null), 403, "FORBIDDEN");
        api.error(api.send("GET", "/api/v1/admin/data/identity", null, null), 401, "UNAUTHORIZED");
        api.error(api.send("GET", "/api/v1/admin/data/identity/no_such_table", admin, null), 404, "NOT_FOUND");
        api.error(api.send("GET", "/api/v1/admin/data/identity/users%20OR%201=1", admin, null), 404, "NOT_FOUND");
        api.error(api.send("GET", "/api/v1/admin/data/room/rooms", admin, null), 404, "NOT_FOUND");
    }
}
