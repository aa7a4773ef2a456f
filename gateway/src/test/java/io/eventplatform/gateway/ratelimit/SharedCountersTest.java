package io.eventplatform.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.gateway.GatewayApplication;
import io.eventplatform.testing.MovableClock;
import io.eventplatform.testing.RedisServer;
import io.eventplatform.testing.TestTokenIssuer;
import io.eventplatform.testing.WithRealInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two gateways counting in one real Redis (Debian's redis-server; the class is skipped where it is not installed):
 * a client's requests count once whichever gateway they reach, and with Redis away requests pass uncounted and
 * counting resumes when it is back. Both gateways run on the test's clock, so no window ends during a test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "platform.gateway.rate-limits.anonymous=3")
@WithRealInfrastructure(kafka = true)
class SharedCountersTest {

    static final TestTokenIssuer tokens = new TestTokenIssuer();
    static final StandInService service = new StandInService();
    static final AtomicInteger clients = new AtomicInteger(100);
    static RedisServer redis;
    static ConfigurableApplicationContext second;

    @TestConfiguration(proxyBeanMethods = false)
    static class TheTestsClock {
        @Bean
        Clock rateLimitClock() {
            return new MovableClock(Instant.parse("2026-12-03T12:00:30Z"));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    MeterRegistry meters;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.startOrSkip();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        tokens.register(registry);
        service.register(registry);
        registry.add("platform.gateway.rate-limits.redis-url", () -> redis.url());
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (redis != null) {
            redis.stop();
        }
        tokens.close();
        service.stop();
    }

    @Test
    void aClientsRequestsCountOnceWhicheverGatewayTheyReach() throws Exception {
        String client = nextClient();
        int before = service.served();

        List<HttpResponse<String>> allowed = List.of(get(port, client), get(secondPort(), client), get(port, client));
        HttpResponse<String> refused = get(secondPort(), client);

        assertThat(allowed).extracting(HttpResponse::statusCode).containsExactly(200, 200, 200);
        assertThat(allowed).extracting(response -> response.headers().firstValue("X-RateLimit-Remaining").orElseThrow())
                .containsExactly("2", "1", "0");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(service.served() - before).isEqualTo(3);
    }

    @Test
    void withRedisAwayRequestsPassUncountedAndCountingResumesWhenItIsBack() throws Exception {
        double unavailableBefore = unavailable();
        String client = nextClient();
        redis.stop();
        try {
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> response = get(i % 2 == 0 ? port : secondPort(), client);
                assertThat(response.statusCode()).as("request %d with Redis away", i + 1).isEqualTo(200);
                assertThat(response.headers().firstValue("X-RateLimit-Limit")).isEmpty();
            }
            assertThat(unavailable()).isGreaterThan(unavailableBefore);
        } finally {
            redis.start();
        }

        // each gateway reconnects by itself; a new client each time, so waiting counts nothing twice
        for (int gateway : List.of(port, secondPort())) {
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> get(gateway, nextClient()).headers().firstValue("X-RateLimit-Remaining").isPresent());
        }
        String after = nextClient();
        assertThat(List.of(get(port, after), get(secondPort(), after)))
                .extracting(response -> response.headers().firstValue("X-RateLimit-Remaining").orElseThrow())
                .containsExactly("2", "1");
    }

    private double unavailable() {
        var counter = meters.find("platform.gateway.rate_limit.unavailable").counter();
        return counter == null ? 0 : counter.count();
    }

    private static String nextClient() {
        return "203.0.113." + clients.incrementAndGet();
    }

    /** A second gateway: the same settings as the first (as command-line arguments, they win over application.yml). */
    private int secondPort() {
        if (second == null) {
            String[] arguments = Stream.concat(Stream.of("spring.kafka.bootstrap-servers", "platform.security.jwks-uri",
                                    "platform.security.issuer", "platform.gateway.downstreams.identity",
                                    "platform.gateway.downstreams.room", "platform.gateway.downstreams.prize",
                                    "platform.gateway.rate-limits.anonymous", "platform.gateway.rate-limits.redis-url")
                            .map(key -> "--" + key + "=" + environment.getProperty(key)), Stream.of("--server.port=0"))
                    .toArray(String[]::new);
            second = new SpringApplicationBuilder(GatewayApplication.class, TheTestsClock.class).run(arguments);
        }
        return ((WebServerApplicationContext) second).getWebServer().getPort();
    }

    private HttpResponse<String> get(int gateway, String client) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + gateway + "/api/v1/rooms"))
                .timeout(Duration.ofSeconds(30)).header("X-Forwarded-For", client).build(), HttpResponse.BodyHandlers.ofString());
    }
}
