package io.eventplatform.prize.draw;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.eventplatform.contracts.json.PlatformJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A room's app on a real HTTP server on this machine: answers {@code POST /select} as the test says, and keeps every
 * request it received (headers and body as sent).
 */
final class TestApp implements AutoCloseable {

    /** A request as the app received it. */
    record Received(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }

        JsonNode json() {
            return PlatformJson.mapper().readTree(new String(body, StandardCharsets.UTF_8));
        }
    }

    /** What the app answers. */
    record Reply(int status, String body, Map<String, String> headers) {
        static Reply ok(String body) {
            return new Reply(200, body, Map.of());
        }
    }

    /** Never answers (until the app is closed). */
    static final Reply HANG = new Reply(-1, "", Map.of());

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Function<JsonNode, Reply> answer;

    TestApp(Function<JsonNode, Reply> answer) {
        this.answer = answer;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** An app that picks the first {@code n} participants it is sent, for the prize it is asked about. */
    static Function<JsonNode, Reply> picksTheFirst(int n) {
        return request -> {
            StringBuilder winners = new StringBuilder();
            for (int i = 0; i < Math.min(n, request.get("participants").size()); i++) {
                winners.append(i == 0 ? "" : ",").append("{\"participantId\":\"")
                        .append(request.get("participants").get(i).get("id").asString()).append("\",\"prizeId\":\"")
                        .append(request.get("prize").get("id").asString()).append("\",\"metadata\":{\"answeredInMs\":").append(900 + i)
                        .append("}}");
            }
            return Reply.ok("{\"winners\":[" + winners + "]}");
        };
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answers(Function<JsonNode, Reply> answer) {
        this.answer = answer;
    }

    List<Received> received() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Received request = new Received(Map.copyOf(exchange.getRequestHeaders()), body);
            received.add(request);
            Reply reply = answer.apply(request.json());
            if (reply == HANG) {
                closed.await(30, TimeUnit.SECONDS);
                return;
            }
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            exchange.getResponseBody().write(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
