package io.eventplatform.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.identity.IdentityApi;
import io.eventplatform.identity.IdentityApiTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** With a grace window configured, a rotated refresh token presented again soon after is a race, not a theft. */
@IdentityApiTest
@TestPropertySource(properties = "platform.identity.tokens.refresh-reuse-grace=1m")
class RefreshGraceTest {

    @LocalServerPort
    int port;

    @Test
    void aRepeatWithinTheWindowIsRefusedButTheSessionLivesOn() throws Exception {
        IdentityApi api = new IdentityApi(port);
        JsonNode first = api.login("tabs+" + UUID.randomUUID() + "@example.com", null);
        JsonNode second = api.data(api.refresh(first), 200);

        api.error(api.refresh(first), 401, "UNAUTHORIZED");

        JsonNode third = api.data(api.refresh(second), 200);
        assertThat(api.send("GET", "/api/v1/auth/me", IdentityApi.access(third), null).statusCode()).isEqualTo(200);
    }
}
