package io.eventplatform.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.eventplatform.testing.TestTokenIssuer;
import io.eventplatform.testing.WithRealInfrastructure;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The routes' guard against real HTTP servers standing in for the services: a crowd is never refused, only the
 * service's own failures open its circuit, a stalled client costs only its connection, and a service that
 * comes back is used again without anyone's help.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // long enough that 20 calls in a row on a busy machine all meet the open circuit
        "platform.gateway.circuit-breaker.wait-in-open-state=2s",
        "platform.gateway.client-timeouts.read-pause=1s",
        "platform.gateway.client-timeouts.whole-body=3s",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=5s",
        // a crowd from one address: limits it does not reach (their own test: RateLimitsTest)
        "platform.gateway.rate-limits.anonymous=100000", "platform.gateway.rate-limits.user=100000",
        "platform.gateway.rate-limits.sign-in=100000"})
@WithRealInfrastructure(kafka = true)
@ExtendWith(OutputCaptureExtension.class)
class ServiceGuardTest {

    static final int CROWD = 500;
    static final TestTokenIssuer tokens = new TestTokenIssuer();
    static final StandIn room = StandIn.start(0);
    static final StandIn identity = StandIn.start(0);
    static final int prizePort = freePort();
    static StandIn prize = StandIn.start(prizePort);

    @LocalServerPort
    int port;

    @Autowired
    ServiceCircuits circuits;

    final HttpClient http = HttpClient.newBuilder().executor(Executors.newCachedThreadPool()).build();
    final JsonMapper json = JsonMapper.builder().build();

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        tokens.register(registry);
        registry.add("platform.gateway.downstreams.room", () -> "http://localhost:" + room.port());
        registry.add("platform.gateway.downstreams.identity", () -> "http://localhost:" + identity.port());
        registry.add("platform.gateway.downstreams.prize", () -> "http://localhost:" + prizePort);
    }

    @AfterAll
    static void stopServers() {
        tokens.close();
        room.stop();
        identity.stop();
        prize.stop();
    }

    @BeforeEach
    void closeEveryCircuit() {
        List.of("room", "identity", "prize").forEach(service -> circuits.of(service).reset());
    }

    @Test
    void fiveHundredRequestsAtOnceAllReachAHealthyService() throws Exception {
        // the stand-in answers only once all 500 are in flight at the same time: any cap on the way fails the test
        CyclicBarrier together = new CyclicBarrier(CROWD);
        room.answer("/api/v1/rooms/crowd", exchange -> {
            try {
                together.await(30, TimeUnit.SECONDS);
                return 200;
            } catch (Exception e) {
                return 500;
            }
        });

        Map<Integer, Long> statuses = inParallel(CROWD, i -> get("/api/v1/rooms/crowd"));

        assertThat(statuses).isEqualTo(Map.of(200, (long) CROWD));
        assertThat(circuits.of("room").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void clientErrorsNeverOpenTheCircuit() throws Exception {
        room.answer("/api/v1/rooms/missing", exchange -> 404);

        Map<Integer, Long> statuses = inParallel(100, i -> get("/api/v1/rooms/missing"));

        assertThat(statuses).isEqualTo(Map.of(404, 100L));
        assertThat(circuits.of("room").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(circuits.of("room").getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void serverErrorsReachTheClientAsTheyAreAndThenOpenTheCircuit(CapturedOutput output) throws Exception {
        AtomicInteger reached = new AtomicInteger();
        room.answer("/api/v1/rooms/broken", exchange -> {
            reached.incrementAndGet();
            return 500;
        });

        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            responses.add(getOnItsOwnConnection("/api/v1/rooms/broken"));
        }

        // the first ten are the service's own answers; then the circuit is open and the gateway answers fast
        assertThat(responses.subList(0, 10)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).isEqualTo("stand-in 500");
        });
        assertThat(responses.subList(10, 30)).allSatisfy(this::assertUnavailableEnvelope);
        assertThat(reached).hasValue(10);
        assertThat(circuits.of("room").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        // the gateway's own 503s are explained once, where the circuit opened
        assertThat(output.getOut()).containsOnlyOnce("The room service's circuit opened (10 of its last 10 calls failed):"
                + " its routes answer 503 without calling it for 2.0 s");
    }

    @Test
    void aServiceThatIsDownAnswersFastAndIsUsedAgainOnceItIsBack(CapturedOutput output) throws Exception {
        prize.stop();
        for (int i = 0; i < 15; i++) {
            assertUnavailableEnvelope(getOnItsOwnConnection("/api/v1/rooms/room_1/prizes"));
        }
        assertThat(circuits.of("prize").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        // other services' routes are not affected
        assertThat(getOnItsOwnConnection("/api/v1/rooms/anything").statusCode()).isEqualTo(200);

        prize = StandIn.start(prizePort);

        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> getOnItsOwnConnection("/api/v1/rooms/room_1/prizes").statusCode() == 200);
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> getOnItsOwnConnection("/api/v1/rooms/room_1/prizes").statusCode() == 200
                        && circuits.of("prize").getState() == CircuitBreaker.State.CLOSED);
        assertThat(output.getOut())
                .contains("prize service failed for GET /api/v1/rooms/room_1/prizes, answered 503: ")
                .contains("The prize service's circuit opened")
                .contains("The prize service's circuit went from HALF_OPEN to CLOSED");
    }

    @Test
    void stalledRequestBodiesCostTheirConnectionsButNeverTheRoute() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            stalled.add(stallABody("/api/v1/auth/refresh"));
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> identity.bodiesWaiting() == 50);

        // meanwhile everybody else is served on the same route
        Map<Integer, Long> others = inParallel(40, i -> post("/api/v1/auth/refresh", "{\"refreshToken\":\"x\"}"));
        assertThat(others).isEqualTo(Map.of(200, 40L));

        // the gateway drops each stalled client after its read pause; none of that counts against the service
        for (Socket socket : stalled) {
            String answer = readUntilClosed(socket);
            assertThat(answer).doesNotContain(" 50");
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> identity.bodiesWaiting() == 0);
        assertThat(circuits.of("identity").getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(circuits.of("identity").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(inParallel(40, i -> post("/api/v1/auth/refresh", "{}"))).isEqualTo(Map.of(200, 40L));
    }

    @Test
    void onlyAServiceThatAnswersTooLateAfterTheWholeRequestCountsAsFailing() {
        assertThat(ServiceGuardGatewayFilterFactory.isServiceFailure(
                new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.GATEWAY_TIMEOUT), true)).isTrue();
        assertThat(ServiceGuardGatewayFilterFactory.isServiceFailure(
                new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.GATEWAY_TIMEOUT), false)).isFalse();
        assertThat(ServiceGuardGatewayFilterFactory.isServiceFailure(
                new IllegalStateException("wrapped", new java.net.ConnectException("refused")), false)).isTrue();
        assertThat(ServiceGuardGatewayFilterFactory.isServiceFailure(
                new IllegalStateException("client went away"), true)).isFalse();
    }

    private void assertUnavailableEnvelope(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        var error = json.readTree(response.body()).get("error");
        assertThat(error.get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
    }

    private Socket stallABody(String path) throws IOException {
        Socket socket = new Socket("localhost", port);
        socket.setSoTimeout(15_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1000\r\n\r\n{\"refreshToken\":\"").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static String readUntilClosed(Socket socket) throws IOException {
        try (socket; InputStream in = socket.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private Map<Integer, Long> inParallel(int calls, Function<Integer, HttpResponse<String>> call) {
        List<CompletableFuture<Integer>> all = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(calls);
        try {
            for (int i = 0; i < calls; i++) {
                int index = i;
                all.add(CompletableFuture.supplyAsync(() -> call.apply(index).statusCode(), pool));
            }
            return all.stream().map(CompletableFuture::join)
                    .collect(Collectors.groupingBy(status -> status, Collectors.counting()));
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(40)).build());
    }

    private HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(40))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * A GET from a client of its own: a loop of single requests then never rides on a kept-alive connection that
     * the stand-in or the gateway closed in between (twice a whole suite saw one such request get no answer at all,
     * with nothing in the gateway's log, while every other request was served).
     */
    private HttpResponse<String> getOnItsOwnConnection(String path) {
        return send(HttpClient.newHttpClient(),
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(40)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        return send(http, request);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real HTTP server: reads the whole request body, then answers with the status its path is given (200 by default). */
    static final class StandIn {
        private final HttpServer server;
        private final Map<String, Function<HttpExchange, Integer>> answers = new java.util.concurrent.ConcurrentHashMap<>();
        private final AtomicInteger bodiesWaiting = new AtomicInteger();

        private StandIn(HttpServer server) {
            this.server = server;
        }

        static StandIn start(int port) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 1024);
                server.setExecutor(Executors.newCachedThreadPool());
                StandIn standIn = new StandIn(server);
                server.createContext("/", standIn::handle);
                server.start();
                return standIn;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void answer(String path, Function<HttpExchange, Integer> status) {
            answers.put(path, status);
        }

        int bodiesWaiting() {
            return bodiesWaiting.get();
        }

        int port() {
            return server.getAddress().getPort();
        }

        void stop() {
            server.stop(0);
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                bodiesWaiting.incrementAndGet();
                try {
                    exchange.getRequestBody().readAllBytes();
                } finally {
                    bodiesWaiting.decrementAndGet();
                }
                int status = answers.getOrDefault(exchange.getRequestURI().getPath(), any -> 200).apply(exchange);
                byte[] body = ("stand-in " + status).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            }
        }
    }
}
