package io.eventplatform.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real WebSocket client for tests (the JDK's, over a real socket): keeps every JSON message in order, hands them
 * out one by one or by what they are, and reports the close code. A client made with {@link #connectNotReading} never
 * asks for a message, so the JDK stops reading its socket: a slow client in a hall of fast ones.
 */
public final class LiveClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final LinkedBlockingQueue<JsonNode> pending = new LinkedBlockingQueue<>();
    private final List<JsonNode> received = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final boolean reading;
    private final WebSocket socket;

    private LiveClient(URI uri, Map<String, String> headers, boolean reading) {
        this.reading = reading;
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        this.socket = builder.buildAsync(uri, new Listener()).orTimeout(15, TimeUnit.SECONDS).join();
    }

    public static LiveClient connect(URI uri, Map<String, String> headers) {
        return new LiveClient(uri, headers, true);
    }

    public static LiveClient connect(URI uri) {
        return connect(uri, Map.of());
    }

    /** Connects, and then never reads. */
    public static LiveClient connectNotReading(URI uri, Map<String, String> headers) {
        return new LiveClient(uri, headers, false);
    }

    /** {@code ws://localhost:port/api/v1/ws}. */
    public static URI endpoint(int port) {
        return URI.create("ws://localhost:" + port + "/api/v1/ws");
    }

    /** A client made not reading starts to read (what its socket held, then the rest). */
    public void startReading() {
        socket.request(Long.MAX_VALUE);
    }

    public void send(String json) {
        socket.sendText(json, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Sends one text message as this many WebSocket frames (a first frame and continuations). */
    public void sendInFragments(String json, int frames) {
        int size = json.length() / frames;
        for (int i = 0; i < frames; i++) {
            boolean last = i == frames - 1;
            socket.sendText(json.substring(i * size, last ? json.length() : (i + 1) * size), last)
                    .orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    public void sendBinary(byte[] data) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(data), true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Sends {@code auth} and returns the reply. */
    public JsonNode authenticate(String token) {
        send("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
        return next(message -> message.path("type").asString("").equals("auth"));
    }

    /** Sends {@code room:subscribe} (with {@code since} when not null) and returns its ack. */
    public JsonNode subscribe(String roomId, String since) {
        String id = "sub-" + roomId + "-" + System.nanoTime();
        send("{\"id\":\"" + id + "\",\"type\":\"room:subscribe\",\"roomId\":\"" + roomId + "\""
                + (since == null ? "" : ",\"since\":\"" + since + "\"") + "}");
        return ack(id);
    }

    /** The ack of the request {@code id}. */
    public JsonNode ack(String id) {
        return next(message -> message.path("type").asString("").equals("ack") && message.path("id").asString("").equals(id));
    }

    /** The next message of this type, skipping (and dropping) others before it. */
    public JsonNode next(String type) {
        return next(message -> message.path("type").asString("").equals(type));
    }

    /** The next message that matches, skipping (and dropping) others before it. */
    public JsonNode next(Predicate<JsonNode> wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode message;
            try {
                message = left <= 0 ? null : pending.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (message == null) {
                throw new AssertionError("no such message within " + WAIT + "; received " + summary());
            }
            if (wanted.test(message)) {
                return message;
            }
        }
    }

    /** What came, briefly: each message's type and event id or ack id. */
    private String summary() {
        return received().stream().map(message -> message.path("type").asString("?") + "/"
                + message.path("eventId").asString(message.path("id").asString(""))).toList().toString();
    }

    /** Every message received so far, in order. */
    public List<JsonNode> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The close code the server sent. */
    public int awaitClose() {
        return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            if (reading) {
                webSocket.request(1);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode message = JSON.readTree(partial.toString());
                partial.setLength(0);
                synchronized (received) {
                    received.add(message);
                }
                pending.add(message);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(1006);
        }
    }
}
