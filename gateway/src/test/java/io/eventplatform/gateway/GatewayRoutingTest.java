package io.eventplatform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventJson;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Value;
import io.eventplatform.testing.LiveClient;
import io.eventplatform.testing.TestTokenIssuer;
import io.eventplatform.testing.WithRealInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
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
        properties = {"spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s",
                // SHA-256 of "gateway-operator-token"
                "platform.security.operator-token-sha256=" + GatewayRoutingTest.OPERATOR_HASH,
                "platform.gateway.cors.allowed-origins=http://localhost:5173",
                // many calls from one address: limits no test here reaches (their own test: RateLimitsTest)
                "platform.gateway.rate-limits.anonymous=100000", "platform.gateway.rate-limits.user=100000",
                "platform.gateway.rate-limits.sign-in=100000"})
@WithRealInfrastructure(kafka = true)
class GatewayRoutingTest {

    static final TestTokenIssuer tokens = new TestTokenIssuer();
    static final String OPERATOR_TOKEN = "gateway-operator-token";
    static final String OPERATOR_HASH = "0288addbaee2f89a564a1199b54fca027d2fc8ac87503a94815ef2eef48b186f";

    static final HttpServer identity = echoServer("identity");
    static final HttpServer room = echoServer("room");
    static final CountDownLatch release = new CountDownLatch(1);
    static final int closedPort = freePort();

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafkaServers;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        tokens.register(registry);
        registry.add("platform.gateway.downstreams.identity", () -> "http://localhost:" + identity.getAddress().getPort());
        registry.add("platform.gateway.downstreams.room", () -> "http://localhost:" + room.getAddress().getPort());
        registry.add("platform.gateway.downstreams.prize", () -> "http://localhost:" + closedPort);
    }

    @AfterAll
    static void stopServers() {
        tokens.close();
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
    @CsvSource({"/api/v1/rooms/room_1/prizes", "/api/v1/rooms/room_1/winners/win_1", "/api/v1/rooms/room_1/draws",
            "/api/v1/webhooks/keys"})
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
    void aPlainRequestForTheLiveConnectionIsAnsweredInTheEnvelope() throws Exception {
        HttpResponse<String> response = get("/api/v1/ws", "plain-ws");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("error").get("code").asString()).isEqualTo("BAD_REQUEST");
        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("plain-ws");
    }

    static List<Arguments> unfinishedUpgrades() {
        String key = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
        return List.of(Arguments.of("", "is a WebSocket endpoint"),
                Arguments.of("Upgrade: websocket\r\n", "needs Connection: Upgrade"),
                Arguments.of("Upgrade: websocket\r\nConnection: Upgrade\r\n", "needs a Sec-WebSocket-Key"),
                // without a version Netty would take it for the obsolete hixie-76 draft's handshake
                Arguments.of("Upgrade: websocket\r\nConnection: Upgrade\r\n" + key
                        + "Origin: http://localhost:5173\r\n", "needs Sec-WebSocket-Version: 13"),
                Arguments.of("Upgrade: websocket\r\nConnection: Upgrade\r\n" + key
                        + "Sec-WebSocket-Version: 8\r\n", "version is not spoken here, only 13"));
    }

    @ParameterizedTest
    @MethodSource("unfinishedUpgrades")
    void anUpgradeThatIsNotWebSocket13IsAnsweredInTheEnvelopeWithTheVersionSpokenHere(String headers, String says)
            throws Exception {
        // the connection closes after the answer (Connection: close beside any other token)
        String request = "GET /api/v1/ws HTTP/1.1\r\nHost: localhost\r\n" + headers.replace("Connection: Upgrade", "Connection: Upgrade, close")
                + (headers.contains("Connection:") ? "" : "Connection: close\r\n") + "\r\n";

        RawAnswer answer = raw(request);

        assertThat(answer.status()).isEqualTo(400);
        JsonNode error = json.readTree(answer.body()).get("error");
        assertThat(error.get("code").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.get("message").asString()).contains(says);
        assertThat(answer.headers()).containsEntry("sec-websocket-version", "13").containsKey("x-request-id");
    }

    @Test
    void aLiveConnectionIsClosedWithTryAgainLaterWhileRoomServiceCannotTakeIt() {
        // the stand-in answers the link's upgrade with a plain 200, as anything but room-service's hub would
        try (LiveClient live = LiveClient.connect(LiveClient.endpoint(port))) {
            assertThat(live.awaitClose()).isEqualTo(1013);
        }
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

        for (HttpResponse<String> response : List.of(none, unsafe)) {
            String id = response.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(id).matches("[0-9a-f-]{36}");
            assertThat(response.headers().firstValue("X-Seen-Request-Id")).hasValue(id);
        }
    }

    @Test
    void aServiceThatHangsIsCutOffWithServiceUnavailable() throws Exception {
        // the room stand-in never answers this path; the response time limit (1 s in this test) must cut it off
        HttpResponse<String> response = get("/api/v1/rooms/hang", null);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json.readTree(response.body()).get("error").get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void aValidTokenIsPassedToTheService() throws Exception {
        HttpResponse<String> response = withToken("/api/v1/rooms", tokens.token(claims -> claims.subject("usr_ada")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Seen-Authorization")).hasValueSatisfying(seen -> assertThat(seen).startsWith("Bearer "));
    }

    @Test
    void aForgedOrExpiredTokenIsRefusedAtTheGatewayAndNeverReachesAService() throws Exception {
        Instant past = Instant.now().minusSeconds(600);
        for (String token : List.of(TestTokenIssuer.unsigned(), TestTokenIssuer.hmac("key-1"), "garbage",
                TestTokenIssuer.sign(TestTokenIssuer.newKey("key-1"), claims -> { }),
                tokens.token(claims -> claims.expirationTime(Date.from(past)).issueTime(Date.from(past.minusSeconds(60)))))) {
            HttpResponse<String> response = withToken("/api/v1/rooms", token);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"Authentication is required\"}}");
            assertThat(response.headers().firstValue("X-Seen-Authorization")).isEmpty();
        }
    }

    @Test
    void aCrowdWithTokensOfANewKeyIsServedAfterOneFetchAndMadeUpKeyIdsCauseNoMore() throws Exception {
        RSAKey rotated = tokens.publishNewKey("crowd-key-" + UUID.randomUUID());
        int before = tokens.keySetFetches();
        List<CompletableFuture<HttpResponse<String>>> crowd = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String token = TestTokenIssuer.sign(rotated, claims -> claims.subject("usr_" + UUID.randomUUID()));
            crowd.add(http.sendAsync(at("/api/v1/rooms")
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()));
        }

        assertThat(crowd.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).distinct()).containsExactly(200);
        int afterCrowd = tokens.keySetFetches();
        assertThat(afterCrowd - before).isBetween(1, 2);

        RSAKey unpublished = TestTokenIssuer.newKey("unpublished");
        for (int i = 0; i < 30; i++) {
            String madeUp = TestTokenIssuer.sign(new RSAKey.Builder(unpublished).keyID("made-up-" + i).build(), claims -> { });
            assertThat(withToken("/api/v1/rooms", madeUp).statusCode()).isEqualTo(401);
        }
        assertThat(tokens.keySetFetches() - before).isLessThanOrEqualTo(2);
    }

    @Test
    void aRevokedTokenIsRefusedAtTheGatewayWithinASecond() throws Exception {
        // identity-service creates the topic; here the test does, and waits for the gateway to stand on it
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafkaServers))) {
            admin.createTopics(List.of(new NewTopic(Topics.IDENTITY_REVOCATIONS, 1, (short) 1))).all().get();
        } catch (java.util.concurrent.ExecutionException exists) {
            assertThat(exists.getCause()).isInstanceOf(TopicExistsException.class);
        }
        Awaitility.await("the gateway reads the revocations").atMost(Duration.ofSeconds(30))
                .until(() -> json.readTree(get("/actuator/health/readiness", null).body()).at("/components/revocations/status")
                        .asString("").equals("UP"));
        String jti = UUID.randomUUID().toString();
        String token = tokens.token(claims -> claims.jwtID(jti));
        assertThat(withToken("/api/v1/rooms", token).statusCode()).isEqualTo(200);

        EventEnvelope<?> revoked = EventEnvelope.of(
                EventType.TOKEN_REVOKED, "identity-service", "usr_test", 1, null,
                new EventData.TokenRevoked(jti, "usr_test",
                        Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MILLIS)));
        try (var producer = new KafkaProducer<String, String>(
                Map.of("bootstrap.servers", kafkaServers), new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(
                    Topics.IDENTITY_REVOCATIONS, "usr_test",
                    EventJson.write(revoked))).get();
        }

        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(25))
                .until(() -> withToken("/api/v1/rooms", token).statusCode() == 401);
    }

    @Test
    void aRefusalDoesNotStallTheNextRequestOnItsConnection() throws Exception {
        // an answer decided from the headers alone (401 here) once left the connection unread, so the next request
        // on it was never answered (EnvelopeResponses); a refusal and a normal call, alternating, on kept-alive
        // connections
        for (int client = 0; client < 8; client++) {
            HttpClient keptAlive = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int i = 0; i < 60; i++) {
                String path = i % 2 == 0 ? "/actuator" : "/actuator/health/liveness";
                HttpResponse<String> response = keptAlive.send(at(path).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("client %d, request %d: %s", client, i, path).isEqualTo(i % 2 == 0 ? 401 : 200);
            }
        }
    }

    @Test
    void aRefusedLargeBodyIsReadAndDroppedSoItsClientGetsTheAnswerAndKeepsItsConnection() throws Exception {
        HttpClient keptAlive = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> refused = keptAlive.send(at("/api/v1/rooms").header("Authorization", "Bearer not-a-jwt")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + "x".repeat(200_000) + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> next = keptAlive.send(at("/api/v1/rooms").build(), HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).as("round %d", i).isEqualTo(401);
            assertThat(refused.headers().firstValue("Connection")).isEmpty();
            assertThat(next.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void onlyHealthIsOpenAmongTheOperationalEndpointsTheRestTakesTheOperatorsToken() throws Exception {
        String admin = tokens.token(claims -> claims.claim("typ", "user").claim("prole", "admin"));

        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        for (String path : List.of("/actuator", "/actuator/prometheus", "/actuator/info", "/actuator/gateway/routes")) {
            HttpResponse<String> anonymous = get(path, null);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(json.readTree(anonymous.body()).get("error").get("code").asString()).isEqualTo("UNAUTHORIZED");
            assertThat(withToken(path, admin).statusCode()).as(path + " with a platform admin's token").isEqualTo(401);
        }
        HttpResponse<String> metrics = withToken("/actuator/prometheus", OPERATOR_TOKEN);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("resilience4j_circuitbreaker_state");
    }

    @Test
    void theServiceLearnsTheClientsAddressAndNotWhatAnUntrustedClientClaims() throws Exception {
        HttpResponse<String> direct = get("/api/v1/rooms/who", null);
        HttpResponse<String> claimed = http.send(at("/api/v1/rooms/who")
                .header("X-Forwarded-For", "203.0.113.9").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(direct.headers().firstValue("X-Seen-Forwarded-For")).hasValue("127.0.0.1");
        // an address the client claims is dropped unless it is a trusted proxy; the peer's own address is sent
        assertThat(claimed.headers().firstValue("X-Seen-Forwarded-For")).hasValue("127.0.0.1");
    }

    @Test
    void aPageOnAnAllowedOriginMayCallTheApiAndItsPreflightIsAnsweredHere() throws Exception {
        HttpResponse<String> preflight = send(at("/api/v1/rooms/room_1")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key"));
        HttpResponse<String> call = send(at("/api/v1/rooms")
                .header("Origin", "http://localhost:5173"));

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.body()).as("answered by the gateway, not the service").isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("PATCH");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
                .contains("authorization", "content-type", "idempotency-key");
        assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(call.body()).isEqualTo("room /api/v1/rooms");
        assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
        assertThat(call.headers().firstValue("Access-Control-Expose-Headers").orElseThrow()).contains("X-Request-Id");
    }

    @Test
    void aPageOnAnyOtherOriginIsRefusedWithTheEnvelopeAndReachesNoService() throws Exception {
        HttpResponse<String> preflight = send(at("/api/v1/rooms")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST"));
        HttpResponse<String> call = send(at("/api/v1/rooms")
                .header("Origin", "https://evil.example"));
        HttpResponse<String> unlistedHeader = send(at("/api/v1/rooms")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "x-sneaky"));

        for (HttpResponse<String> refused : List.of(preflight, call, unlistedHeader)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            JsonNode error = json.readTree(refused.body()).get("error");
            assertThat(error.get("code").asString()).isEqualTo("FORBIDDEN");
            assertThat(error.get("details").get("required").asString()).contains("allow-list");
            assertThat(refused.headers().firstValue("X-Request-Id")).isPresent();
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
        assertThat(json.readTree(call.body()).get("error").get("details").get("origin").asString()).isEqualTo("https://evil.example");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNoServerBanner() throws Exception {
        HttpResponse<String> routed = get("/api/v1/rooms", null);
        HttpResponse<String> notFound = get("/api/v1/no-such-thing", null);
        HttpResponse<String> unauthorized = withToken("/api/v1/rooms", "not-a-jwt");
        HttpResponse<String> unavailable = get("/api/v1/rooms/room_1/prizes", null);

        for (HttpResponse<String> response : List.of(routed, notFound, unauthorized, unavailable)) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(response.uri().toString()).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(response.headers().firstValue("Server")).isEmpty();
        }
        assertThat(List.of(routed.statusCode(), notFound.statusCode(), unauthorized.statusCode(), unavailable.statusCode()))
                .containsExactly(200, 404, 401, 503);
    }

    /** A request to the gateway; an answer that never comes fails the test instead of holding the build. */
    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
    }

    static List<Arguments> unreadableRequests() {
        String end = "\r\nHost: localhost\r\n\r\n";
        return List.of(Arguments.of("GET /api/v1/rooms/" + "a".repeat(5000) + " HTTP/1.1" + end, 414, "URI_TOO_LONG"),
                Arguments.of("GET /api/v1/rooms HTTP/1.1\r\nX-Big: " + "b".repeat(9000) + end, 431, "HEADERS_TOO_LARGE"),
                Arguments.of("GET /api/v1/rooms HTTP/1.1\r\nNo Colon Here" + end, 400, "BAD_REQUEST"),
                Arguments.of("GET /api/v1/rooms HTTP/9.x" + end, 400, "BAD_REQUEST"));
    }

    @ParameterizedTest
    @MethodSource("unreadableRequests")
    void aRequestNettyCannotReadIsAnsweredInTheEnvelopeWithARequestId(String request, int status, String code) throws Exception {
        RawAnswer answer = raw(request);

        assertThat(answer.status()).as(request.substring(0, 40)).isEqualTo(status);
        assertThat(json.readTree(answer.body()).get("error").get("code").asString()).isEqualTo(code);
        assertThat(answer.headers()).containsEntry("content-type", "application/json")
                .containsEntry("x-content-type-options", "nosniff").containsEntry("connection", "close")
                .doesNotContainKey("server");
        assertThat(answer.headers().get("x-request-id")).matches("[0-9a-f-]{36}");
    }

    record RawAnswer(int status, Map<String, String> headers, String body) {
    }

    /** Sends bytes no HTTP client would send, and reads the answer until the gateway closes the connection. */
    private RawAnswer raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = answer.indexOf("\r\n\r\n");
            String[] lines = answer.substring(0, end).split("\r\n");
            Map<String, String> headers = new java.util.HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            return new RawAnswer(Integer.parseInt(lines[0].split(" ")[1]), headers, answer.substring(end + 4));
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> withToken(String path, String token) throws IOException, InterruptedException {
        return http.send(at(path)
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String requestId) throws IOException, InterruptedException {
        HttpRequest.Builder request = at(path);
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
                String forwarded = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
                if (forwarded != null) {
                    exchange.getResponseHeaders().add("X-Seen-Forwarded-For", forwarded);
                }
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                if (authorization != null) {
                    exchange.getResponseHeaders().add("X-Seen-Authorization", authorization);
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
