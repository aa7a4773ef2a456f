package io.eventplatform.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventplatform.identity.IdentityServiceApplication;
import io.eventplatform.testing.Infrastructure;
import io.eventplatform.testing.WithRealInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What must never run in production: the dev login, and tokens signed with a key nobody configured. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure(kafka = true)
class ProductionGuardsTest {

    @LocalServerPort
    int port;

    @Test
    void withoutTheSettingThereIsNoDevLogin() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/dev/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"ada@example.com\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void theServiceRefusesToStartWithDevLoginAndTheProdProfile() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(IdentityServiceApplication.class)
                .profiles("prod")
                .run("--platform.auth.dev-login.enabled=true", "--spring.main.web-application-type=none").close())
                .hasMessageContaining("not allowed with the prod profile");
    }

    @Test
    void theProdProfileNeedsAConfiguredSigningKey() {
        Infrastructure.Database database = Infrastructure.shared().createDatabase("prod_guard");

        assertThatThrownBy(() -> new SpringApplicationBuilder(IdentityServiceApplication.class)
                .profiles("prod")
                .run("--spring.main.web-application-type=none",
                        "--spring.datasource.url=" + database.jdbcUrl(),
                        "--spring.datasource.username=" + database.user(),
                        "--spring.datasource.password=" + database.password(),
                        "--spring.kafka.bootstrap-servers=" + Infrastructure.shared().kafkaBootstrapServers()).close())
                .rootCause().hasMessageContaining("TOKEN_SIGNING_KEY");
    }
}
