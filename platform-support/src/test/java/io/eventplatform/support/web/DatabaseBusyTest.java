package io.eventplatform.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.testing.WithRealInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request that finds every database connection busy for the pool's whole wait is told to come back (503 with
 * Retry-After, the envelope), never handed an internal error; once a connection is free it is served again.
 */
@SpringBootTest(classes = DatabaseBusyTest.BusyService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.minimum-idle=2",
                "spring.datasource.hikari.connection-timeout=250", "platform.security.public-paths=/**",
                "management.endpoint.health.group.readiness.include=readinessState"})
@WithRealInfrastructure(kafka = true)
class DatabaseBusyTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"/busy/query", "/busy/transaction"})
    void noFreeConnectionIsServiceUnavailableWithRetryAfterAndTheNextRequestIsServed(String path) throws Exception {
        HttpResponse<String> refused;
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            assertThat(first.isValid(1) && second.isValid(1)).isTrue();
            refused = get(path);
        }

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        JsonNode error = json.readTree(refused.body()).get("error");
        assertThat(error.get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(refused.body()).doesNotContain("Hikari", "Exception");

        HttpResponse<String> served = get(path);
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        assertThat(json.readTree(served.body()).get("data").get("one").asInt()).isEqualTo(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Two ways to need a connection: a plain query (DataSourceUtils) and a transaction (the transaction manager). */
    @SpringBootApplication
    @RestController
    static class BusyService {

        private final JdbcClient jdbc;
        private final TransactionTemplate transactions;

        BusyService(JdbcClient jdbc, TransactionTemplate transactions) {
            this.jdbc = jdbc;
            this.transactions = transactions;
        }

        @GetMapping("/busy/query")
        Map<String, Object> query() {
            return Map.of("data", Map.of("one", one()));
        }

        @GetMapping("/busy/transaction")
        Map<String, Object> transaction() {
            return Map.of("data", Map.of("one", transactions.execute(status -> one())));
        }

        private int one() {
            return jdbc.sql("SELECT 1").query(Integer.class).single();
        }
    }
}
