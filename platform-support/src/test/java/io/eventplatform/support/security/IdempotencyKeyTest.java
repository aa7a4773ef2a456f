package io.eventplatform.support.security;

import io.eventplatform.testing.TestTokenIssuer;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.testing.WithRealInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** docs/api.md "Idempotency" on a real service with a real database. */
@SpringBootTest(classes = SecuredTestService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=idempotency-test")
@WithRealInfrastructure(kafka = true)
class IdempotencyKeyTest {

    static final TestTokenIssuer tokens = new TestTokenIssuer();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final String ada = tokens.token(claims -> claims.subject("usr_ada"));
    final String grace = tokens.token(claims -> claims.subject("usr_grace"));

    @DynamicPropertySource
    static void tokenSource(DynamicPropertyRegistry registry) {
        tokens.register(registry);
    }

    @AfterAll
    static void stopJwks() {
        tokens.close();
    }

    @Test
    void aRepeatReturnsTheFirstAnswerWithoutDoingTheWorkAgain() throws Exception {
        String key = UUID.randomUUID().toString();
        int before = SecuredTestService.created.get();

        HttpResponse<String> first = post("/api/v1/things", ada, key, "{\"name\":\"mug\"}");
        HttpResponse<String> repeat = post("/api/v1/things", ada, key, "{\"name\":\"mug\"}");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(repeat.statusCode()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(SecuredTestService.created.get()).isEqualTo(before + 1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        post("/api/v1/things", ada, key, "{\"name\":\"mug\"}");

        HttpResponse<String> reused = post("/api/v1/things", ada, key, "{\"name\":\"cake\"}");

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.body()).contains("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void theSameJsonWithItsKeysInAnotherOrderIsTheSameRequest() throws Exception {
        String key = UUID.randomUUID().toString();
        int before = SecuredTestService.created.get();

        HttpResponse<String> first = post("/api/v1/things", ada, key, "{\"name\":\"mug\",\"size\":{\"h\":1,\"w\":2}}");
        HttpResponse<String> repeat = post("/api/v1/things", ada, key, "{ \"size\": {\"w\":2, \"h\":1}, \"name\": \"mug\" }");

        assertThat(repeat.statusCode()).as(repeat.body()).isEqualTo(201);
        assertThat(repeat.headers().firstValue("Idempotency-Replayed")).hasValue("true");
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(SecuredTestService.created.get()).isEqualTo(before + 1);
    }

    @Test
    void anAnswerHoldingACredentialIsNeverStoredAndItsRepeatIsRefused() throws Exception {
        String key = UUID.randomUUID().toString();
        int before = SecuredTestService.created.get();

        HttpResponse<String> first = post("/api/v1/secrets", ada, key, "{}");
        HttpResponse<String> repeat = post("/api/v1/secrets", ada, key, "{}");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.body()).contains("sk_live_");
        assertThat(repeat.statusCode()).isEqualTo(409);
        assertThat(repeat.body()).contains("CONFLICT").contains("\"status\":201").doesNotContain("sk_live_");
        assertThat(repeat.headers().firstValue("Idempotency-Replayed")).isEmpty();
        assertThat(SecuredTestService.created.get()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ? AND response_withheld
                   AND response_body IS NULL AND response_status = 201""", Integer.class, key)).isEqualTo(1);
    }

    @Test
    void anExchangeForAFreshCredentialRunsEveryTimeAndLeavesNoTrace() throws Exception {
        String key = UUID.randomUUID().toString();
        int before = SecuredTestService.created.get();

        HttpResponse<String> first = post("/api/v1/exchange", ada, key, "{}");
        HttpResponse<String> repeat = post("/api/v1/exchange", ada, key, "{}");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(repeat.body()).isNotEqualTo(first.body());
        assertThat(SecuredTestService.created.get()).isEqualTo(before + 2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?",
                Integer.class, key)).isZero();
    }

    @Test
    void keysBelongToTheirCaller() throws Exception {
        String key = UUID.randomUUID().toString();
        int before = SecuredTestService.created.get();

        post("/api/v1/things", ada, key, "{\"name\":\"mug\"}");
        HttpResponse<String> other = post("/api/v1/things", grace, key, "{\"name\":\"mug\"}");

        assertThat(other.headers().firstValue("Idempotency-Replayed")).isEmpty();
        assertThat(SecuredTestService.created.get()).isEqualTo(before + 2);
    }

    @Test
    void aKeyOver255CharactersIsABadRequest() throws Exception {
        HttpResponse<String> response = post("/api/v1/things", ada, "k".repeat(256), "{\"name\":\"mug\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("BAD_REQUEST");
    }

    @Test
    void aServerErrorIsNotKeptSoTheClientCanRetry() throws Exception {
        String key = UUID.randomUUID().toString();

        HttpResponse<String> failed = post("/api/v1/flaky", ada, key, "{}");
        HttpResponse<String> retried = post("/api/v1/flaky", ada, key, "{}");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(retried.statusCode()).isEqualTo(201);
    }

    @Test
    void parallelRepeatsRunTheWorkOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        int before = SecuredTestService.created.get();
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> post("/api/v1/things", ada, key, "{\"name\":\"mug\"}"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<HttpResponse<String>> response : pool.invokeAll(calls)) {
                statuses.add(response.get().statusCode());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(SecuredTestService.created.get()).isEqualTo(before + 1);
        assertThat(statuses).allMatch(status -> status == 201 || status == 409).contains(201);
    }

    private HttpResponse<String> post(String path, String token, String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
