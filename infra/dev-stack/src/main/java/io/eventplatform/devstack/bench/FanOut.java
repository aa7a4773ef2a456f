package io.eventplatform.devstack.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * P3: {@code clients} WebSocket clients (the JDK's, over real sockets, through the gateway) subscribed to one room;
 * each round the organizer draws one winner, and every client notes when its {@code winner:selected} arrives. The
 * latency is from the draw's 201 to that moment (0 when the event came before the response). All clients use the
 * organizer's token, so presence is announced once, not once per client.
 */
final class FanOut {

    /** What one client count gave: every client's latency of every round, and memory per connection. */
    record Result(int clients, List<Long> micros, long roomServiceBytesPerClient, long gatewayBytesPerClient) {
    }

    private final Target target;
    private final Api gateway;

    FanOut(Target target) {
        this.target = target;
        this.gateway = new Api(target.gateway());
    }

    Result run(String organizer, int clients, int rounds) throws Exception {
        String room = BenchData.activeRoom(gateway, organizer, "Fan-out " + clients);
        String prize = Waits.until("prize-service knows the fan-out room", () -> {
            Api.Response created = gateway.send("POST", "/api/v1/rooms/" + room + "/prizes", organizer,
                    "{\"name\":\"Fan-out\",\"quantity\":" + rounds + "}");
            return created.status() == 201 ? created.data().get("id").asString() : null;
        });
        for (int i = 0; i < rounds; i++) { // one eligible participant per round
            String guest = gateway.login("fanout-" + clients + "-" + i + "-" + System.nanoTime() + "@example.com");
            gateway.expect(201, "POST", "/api/v1/rooms/" + room + "/participants", guest, "{}");
        }
        long roomBefore = rss("room-service");
        long gatewayBefore = rss("gateway");
        HttpClient http = HttpClient.newHttpClient();
        URI ws = URI.create(target.gateway().replaceFirst("^http", "ws") + "/api/v1/ws");
        List<Client> connected = new ArrayList<>();
        for (int start = 0; start < clients; start += 100) {
            List<CompletableFuture<Client>> batch = new ArrayList<>();
            for (int i = start; i < Math.min(clients, start + 100); i++) {
                batch.add(Client.open(http, ws, organizer, room));
            }
            for (CompletableFuture<Client> client : batch) {
                connected.add(client.get(60, TimeUnit.SECONDS));
            }
        }
        for (Client client : connected) {
            if (!client.subscribed.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("a client was not subscribed within 60 s");
            }
        }
        long roomAfter = rss("room-service");
        long gatewayAfter = rss("gateway");
        List<Long> micros = new ArrayList<>();
        try {
            for (int round = 0; round < rounds; round++) {
                CountDownLatch everyone = new CountDownLatch(clients);
                connected.forEach(client -> client.expect(everyone));
                Api.Response drawn = gateway.send("POST", "/api/v1/rooms/" + room + "/draws", organizer,
                        "{\"prizeId\":\"" + prize + "\",\"count\":1}");
                long created = System.nanoTime();
                if (drawn.status() != 201) {
                    throw new IllegalStateException("draw " + round + ": " + drawn.status() + " " + drawn.body());
                }
                if (!everyone.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("round " + round + ": " + everyone.getCount() + " clients never got the winner");
                }
                for (Client client : connected) {
                    micros.add(Math.max(0, client.arrivedAt - created) / 1_000);
                }
            }
        } finally {
            connected.forEach(client -> client.socket.abort());
        }
        return new Result(clients, micros, perClient(roomAfter - roomBefore, clients), perClient(gatewayAfter - gatewayBefore, clients));
    }

    private static long perClient(long bytes, int clients) {
        return bytes < 0 ? -1 : bytes / clients;
    }

    private long rss(String service) {
        if (target.platform() == null) {
            return -1;
        }
        Long pid = target.platform().servicePids().get(service);
        return pid == null ? -1 : Runs.rssMegabytes(pid) * 1024 * 1024;
    }

    static String describe(Result result) {
        return String.format(Locale.ROOT, "%,d clients: memory per connection %s in room-service, %s in the gateway",
                result.clients(), kib(result.roomServiceBytesPerClient()), kib(result.gatewayBytesPerClient()));
    }

    private static String kib(long bytes) {
        return bytes < 0 ? "not measured" : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }

    /** One connection: subscribes, then notes the arrival of the next {@code winner:selected}. */
    private static final class Client implements WebSocket.Listener {

        final CountDownLatch subscribed = new CountDownLatch(1);
        private final String token;
        private final String room;
        private final StringBuilder partial = new StringBuilder();
        volatile WebSocket socket;
        volatile long arrivedAt;
        private volatile CountDownLatch waiting;

        private Client(String token, String room) {
            this.token = token;
            this.room = room;
        }

        static CompletableFuture<Client> open(HttpClient http, URI ws, String token, String room) {
            Client client = new Client(token, room);
            return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .buildAsync(ws, client)
                    .thenApply(socket -> {
                        client.socket = socket;
                        socket.sendText("{\"id\":\"s\",\"type\":\"room:subscribe\",\"roomId\":\"" + client.room + "\"}", true);
                        return client;
                    });
        }

        void expect(CountDownLatch everyone) {
            arrivedAt = 0;
            waiting = everyone;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                if (text.startsWith("{\"type\":\"winner:selected\"")) {
                    CountDownLatch latch = waiting;
                    if (latch != null && arrivedAt == 0) {
                        arrivedAt = System.nanoTime();
                        latch.countDown();
                    }
                } else if (text.startsWith("{\"type\":\"ack\"") && text.contains("\"ok\":true")) {
                    subscribed.countDown();
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    static Map<String, Long> percentiles(List<Long> micros) {
        List<Long> sorted = micros.stream().sorted().toList();
        return Map.of("p50", sorted.get(sorted.size() / 2), "p95", at(sorted, 0.95), "p99", at(sorted, 0.99),
                "max", sorted.get(sorted.size() - 1));
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(sorted.size() * quantile) - 1)));
    }
}
