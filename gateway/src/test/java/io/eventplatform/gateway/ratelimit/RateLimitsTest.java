package io.eventplatform.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.contracts.access.TokenClaims;
import io.eventplatform.testing.MovableClock;
import io.eventplatform.testing.TestTokenIssuer;
import io.eventplatform.testing.WithRealInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rate limits through a real gateway, with stand-ins for the services. Each test is another client: its address
 * comes through the trusted proxy in front (loopback here) as the right-most {@code X-Forwarded-For} entry. The
 * gateway's clock is the test's, so a window ends when the test says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.gateway.rate-limits.user=5", "platform.gateway.rate-limits.app=8",
        "platform.gateway.rate-limits.anonymous=3"})
@WithRealInfrastructure(kafka = true)
class RateLimitsTest {

    static final TestTokenIssuer tokens = new TestTokenIssuer();
    static final StandInService service = new StandInService();
    static final Instant HALF_PAST = Instant.parse("2026-12-03T12:00:30Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class TheTestsClock {
        @Bean
        Clock rateLimitClock() {
            return new MovableClock(HALF_PAST);
        }
    }

    @Autowired
    Clock clock;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        tokens.register(registry);
        service.register(registry);
    }

    @AfterAll
    static void stop() {
        tokens.close();
        service.stop();
    }

    @Test
    void everyLimitedAnswerSaysWhatIsLeftAndTheOneTooManyIs429WithoutReachingAService() throws Exception {
        String client = "203.0.113.1";
        long resetAt = Instant.parse("2026-12-03T12:01:00Z").getEpochSecond();

        List<HttpResponse<String>> allowed = List.of(get("/api/v1/rooms", client, null), get("/api/v1/rooms/room_1", client, null),
                get("/api/v1/no-such-thing", client, null));
        int before = service.served();
        HttpResponse<String> refused = get("/api/v1/rooms", client, null);

        assertThat(allowed).extracting(HttpResponse::statusCode).containsExactly(200, 200, 404);
        assertThat(allowed).extracting(response -> response.headers().firstValue("X-RateLimit-Remaining").orElseThrow())
                .containsExactly("2", "1", "0");
        for (HttpResponse<String> response : allowed) {
            assertThat(response.headers().firstValue("X-RateLimit-Limit")).hasValue("3");
            assertThat(response.headers().firstValue("X-RateLimit-Reset")).hasValue(Long.toString(resetAt));
        }
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(service.served()).as("a refused request reaches no service").isEqualTo(before);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(refused.headers().firstValue("X-Request-Id")).isPresent();
        JsonNode error = json.readTree(refused.body()).get("error");
        assertThat(error.get("code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(error.get("details").get("limit").asInt()).isEqualTo(3);
        assertThat(error.get("details").get("resetAt").asString()).isEqualTo("2026-12-03T12:01:00Z");
    }

    @Test
    void aBurstOfTwoHundredFromOneClientGetsExactlyItsLimitThroughAndEveryOtherA429NeverA5xx() throws Exception {
        String client = "203.0.113.42";
        int before = service.served();
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            burst.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/rooms"))
                    .timeout(Duration.ofSeconds(30)).header("X-Forwarded-For", client).build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = burst.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 429);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 200).hasSize(3);
        assertThat(service.served() - before).as("the limit holds under a burst: 3 reach the service").isEqualTo(3);
        for (HttpResponse<String> refused : answers.stream().filter(answer -> answer.statusCode() == 429).toList()) {
            assertThat(refused.headers().firstValue("X-RateLimit-Limit")).hasValue("3");
            assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(json.readTree(refused.body()).at("/error/code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
        }
    }

    @Test
    void aRequestWithAnInvalidTokenCountsInItsAddressesBucket() throws Exception {
        String client = "203.0.113.2";

        HttpResponse<String> forged = get("/api/v1/rooms", client, "not-a-jwt");
        HttpResponse<String> expired = get("/api/v1/rooms", client, tokens.token(claims -> claims
                .issueTime(java.util.Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(java.util.Date.from(Instant.now().minusSeconds(3600)))));
        HttpResponse<String> anonymous = get("/api/v1/rooms", client, null);

        assertThat(List.of(forged.statusCode(), expired.statusCode(), anonymous.statusCode())).containsExactly(401, 401, 200);
        assertThat(anonymous.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(get("/api/v1/rooms", client, "not-a-jwt").statusCode()).isEqualTo(429);
    }

    @Test
    void aUsersBucketIsTheirOwnAndSeparateFromTheirAddresses() throws Exception {
        String client = "203.0.113.3";
        String ada = tokens.token(claims -> claims.subject("usr_ada"));

        for (int i = 4; i >= 0; i--) {
            HttpResponse<String> response = get("/api/v1/rooms", client, ada);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-RateLimit-Limit")).hasValue("5");
            assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(i));
        }

        assertThat(get("/api/v1/rooms", client, ada).statusCode()).isEqualTo(429);
        assertThat(get("/api/v1/rooms", "198.51.100.3", ada).statusCode()).as("from anywhere").isEqualTo(429);
        HttpResponse<String> sameAddress = get("/api/v1/rooms", client, null);
        assertThat(sameAddress.headers().firstValue("X-RateLimit-Remaining")).hasValue("2");
        HttpResponse<String> bob = get("/api/v1/rooms", client, tokens.token(claims -> claims.subject("usr_bob")));
        assertThat(bob.headers().firstValue("X-RateLimit-Remaining")).hasValue("4");
    }

    @Test
    void anAppTokenHasTheAppsBucket() throws Exception {
        String app = tokens.token(claims -> claims.subject("app_quiz").claim(TokenClaims.TYPE, TokenClaims.APP_TOKEN));

        HttpResponse<String> response = get("/api/v1/rooms", "203.0.113.4", app);

        assertThat(response.headers().firstValue("X-RateLimit-Limit")).hasValue("8");
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue("7");
    }

    @Test
    void fiveHundredGuestsBehindOneAddressSignInWithinAMinuteAndTheirAddressKeepsItsOwnBucket() throws Exception {
        String hall = "203.0.113.5";

        // the guests arrive together: eight at a time
        ExecutorService doors = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> logins = new ArrayList<>();
            for (int guest = 0; guest < 500; guest++) {
                logins.add(doors.submit(() -> post("/api/v1/auth/dev/login", hall).statusCode()));
            }
            for (int guest = 0; guest < 500; guest++) {
                assertThat(logins.get(guest).get()).as("guest " + guest).isEqualTo(200);
            }
        } finally {
            doors.shutdownNow();
        }

        HttpResponse<String> next = post("/api/v1/auth/refresh", hall);
        assertThat(next.headers().firstValue("X-RateLimit-Limit")).hasValue("600");
        assertThat(next.headers().firstValue("X-RateLimit-Remaining")).hasValue("99");
        assertThat(get("/api/v1/rooms", hall, null).headers().firstValue("X-RateLimit-Remaining")).hasValue("2");
        for (int more = 0; more < 99; more++) {
            assertThat(post("/api/v1/auth/dev/login", hall).statusCode()).isEqualTo(200);
        }
        assertThat(post("/api/v1/auth/dev/login", hall).statusCode()).isEqualTo(429);
    }

    @Test
    void healthTheKeySetsTheProvidersAndACallbackAreNotLimited() throws Exception {
        String client = "203.0.113.6";
        for (int i = 0; i < 5; i++) {
            for (String path : List.of("/actuator/health", "/.well-known/jwks.json", "/api/v1/webhooks/keys",
                    "/api/v1/auth/providers", "/api/v1/auth/github/callback?state=x&code=y")) {
                HttpResponse<String> response = get(path, client, null);
                assertThat(response.statusCode()).as(path).isNotEqualTo(429);
                assertThat(response.headers().firstValue("X-RateLimit-Limit")).as(path).isEmpty();
            }
        }
    }

    @Test
    void whenTheWindowEndsTheBucketIsFullAgain() throws Exception {
        String client = "203.0.113.7";
        for (int i = 0; i < 3; i++) {
            get("/api/v1/rooms", client, null);
        }
        assertThat(get("/api/v1/rooms", client, null).statusCode()).isEqualTo(429);

        ((MovableClock) clock).advance(Duration.ofMinutes(1));
        HttpResponse<String> next = get("/api/v1/rooms", client, null);
        ((MovableClock) clock).set(HALF_PAST);

        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.headers().firstValue("X-RateLimit-Remaining")).hasValue("2");
        assertThat(next.headers().firstValue("X-RateLimit-Reset"))
                .hasValue(Long.toString(Instant.parse("2026-12-03T12:02:00Z").getEpochSecond()));
    }

    private HttpResponse<String> get(String path, String client, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", client);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String client) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30)).header("X-Forwarded-For", client)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
