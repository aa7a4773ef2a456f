package io.eventplatform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway against stand-in HTTP servers for the services: routing table, request ids, and the envelopes for
 * an unknown path, a service that is down and one that hangs. (The same checks run against the real services
 * in the e2e-tests module.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "resilience4j.timelimiter.configs.default.timeout-duration=1s")
class GatewayRoutingTest {

    static final HttpServer identity = echoServer("identity");
    static final HttpServer room = echoServer("room");
    static final CountDownLatch release = new CountDownLatch(1);
    static final int closedPort = freePort();

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("platform.gateway.downstreams.identity", () -> "http://localhost:" + identity.getAddress().getPort());
        registry.add("platform.gateway.downstreams.room", () -> "http://localhost:" + room.getAddress().getPort());
        registry.add("platform.gateway.downstreams.prize", () -> "http://localhost:" + closedPort);
    }

    @AfterAll
    static void stopServers() {
        release.countDown();
        identity.stop(0);
        room.stop(0);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/auth/providers, identity",
            "/api/v1/users/usr_1, identity",
            "/api/v1/apps, identity",
            "/.well-known/jwks.json, identity",
            "/api/v1/rooms, room",
            "/api/v1/rooms/room_1, room",
            "/api/v1/rooms/room_1/participants, room",
            "/api/v1/rooms/room_1/upgrade-manifest, room",
            "/api/v1/rooms/room_1/prizesandmore, room",
    })
    void routesEachPathToItsService(String path, String service) throws Exception {
        HttpResponse<String> response = get(path, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(service + " " + path);
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/rooms/room_1/prizes", "/api/v1/rooms/room_1/winners/win_1", "/api/v1/rooms/room_1/draws"})
    void routesPrizePathsToThePrizeServiceEvenThoughTheyLieUnderRooms(String path) throws Exception {
        // the prize service is down in this test: its fallback proves where the request went
        HttpResponse<String> response = get(path, null);

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode error = json.readTree(response.body()).get("error");
        assertThat(error.get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(error.get("details").get("service").asString()).isEqualTo("prize");
    }

    @Test
    void answersAnUnknownPathWithTheNotFoundEnvelope() throws Exception {
        HttpResponse<String> response = get("/api/v1/nothing-here", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(json.readTree(response.body()).get("error").get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void theFallbackIsNotAPublicPath() throws Exception {
        HttpResponse<String> response = get("/__gateway/unavailable/room", null);

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void passesTheClientsRequestIdToTheServiceAndBack() throws Exception {
        HttpResponse<String> response = get("/api/v1/rooms", "trace-abc.123");

        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("trace-abc.123");
        assertThat(response.headers().firstValue("X-Seen-Request-Id")).hasValue("trace-abc.123");
    }

    @Test
    void makesARequestIdWhenTheClientSentNoneOrAnUnsafeOne() throws Exception {
        HttpResponse<String> none = get("/api/v1/rooms", null);
        HttpResponse<String> unsafe = get("/api/v1/rooms", "bad id\twith spaces");

        for (HttpResponse<String> response : java.util.List.of(none, unsafe)) {
            String id = response.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(id).matches("[0-9a-f-]{36}");
            assertThat(response.headers().firstValue("X-Seen-Request-Id")).hasValue(id);
        }
    }

    @Test
    void aServiceThatHangsIsCutOffWithServiceUnavailable() throws Exception {
        // the room stand-in never answers this path; the route's time limit (1 s in this test) must cut it off
        HttpResponse<String> response = get("/api/v1/rooms/hang", null);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json.readTree(response.body()).get("error").get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
    }

    private HttpResponse<String> get(String path, String requestId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Answers "<name> <path>" and reports the request id it received; the path /api/v1/rooms/hang never answers. */
    private static HttpServer echoServer(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                if (exchange.getRequestURI().getPath().equals("/api/v1/rooms/hang")) {
                    awaitRelease();
                }
                byte[] body = (name + " " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
                String seen = exchange.getRequestHeaders().getFirst("X-Request-Id");
                if (seen != null) {
                    exchange.getResponseHeaders().add("X-Seen-Request-Id", seen);
                }
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
