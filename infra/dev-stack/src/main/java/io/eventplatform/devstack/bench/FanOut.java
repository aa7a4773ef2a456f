package io.eventplatform.devstack.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * P3: {@code clients} WebSocket clients (over real sockets, through the gateway) subscribed to one room;
 * each round the organizer draws one winner, and every client notes when its {@code winner:selected} arrives. The
 * latency is from the draw's 201 to that moment (0 when the event came before the response). The next round starts
 * once every client has all three events of the draw ({@code prize:updated}, {@code winner:selected},
 * {@code draw:completed}): what is measured is a draw in a room where the last one has been delivered, not a draw
 * queued behind the delivery of the one before (at 2,000 clients each event takes the hub ~80 ms to hand out,
 * docs/performance.md). All clients use the organizer's token, so presence is announced once, not once per client.
 * The first draws of each client count are not measured: they warm the path up (the JIT compilers of five JVMs
 * take a share of the two cores for well over the first 300 draws after a start).
 *
 * <p>The clients run on the same machine as the platform, so what they cost is taken from it: they are Netty's
 * WebSocket client on one event-loop thread (each frame decoded as text, as any client does), which costs a fraction
 * of what the JDK's client did per frame (docs/performance.md).
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

    /** {@code warmUpRounds} unmeasured draws, then {@code rounds} measured ones, to {@code clients} connections. */
    Result run(String organizer, int clients, int warmUpRounds, int rounds) throws Exception {
        int draws = warmUpRounds + rounds;
        String room = BenchData.activeRoom(gateway, organizer, "Fan-out " + clients);
        String prize = Waits.until("prize-service knows the fan-out room", () -> {
            Api.Response created = gateway.send("POST", "/api/v1/rooms/" + room + "/prizes", organizer,
                    "{\"name\":\"Fan-out\",\"quantity\":" + draws + "}");
            return created.status() == 201 ? created.data().get("id").asString() : null;
        });
        BenchData.inParallel(draws, i -> { // one eligible participant per draw
            String guest = gateway.login("fanout-" + clients + "-" + i + "-" + System.nanoTime() + "@example.com");
            return gateway.expect(201, "POST", "/api/v1/rooms/" + room + "/participants", guest, "{}");
        });
        long roomBefore = rss("room-service");
        long gatewayBefore = rss("gateway");
        URI ws = URI.create(target.gateway().replaceFirst("^http", "ws") + "/api/v1/ws");
        EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        List<Client> connected = new ArrayList<>();
        try {
            for (int start = 0; start < clients; start += 100) {
                List<Client> batch = new ArrayList<>();
                for (int i = start; i < Math.min(clients, start + 100); i++) {
                    batch.add(Client.open(loop, ws, organizer, room));
                }
                for (Client client : batch) {
                    client.opened.get(60, TimeUnit.SECONDS);
                    connected.add(client);
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
            for (int round = 0; round < draws; round++) {
                CountDownLatch everyone = new CountDownLatch(clients);
                int current = round + 1;
                connected.forEach(client -> client.expect(current, everyone));
                Api.Response drawn = gateway.send("POST", "/api/v1/rooms/" + room + "/draws", organizer,
                        "{\"prizeId\":\"" + prize + "\",\"count\":1}");
                long created = System.nanoTime();
                if (drawn.status() != 201) {
                    throw new IllegalStateException("draw " + round + ": " + drawn.status() + " " + drawn.body());
                }
                if (!everyone.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("round " + round + ": " + everyone.getCount()
                            + " clients never got all of the draw's events");
                }
                if (round >= warmUpRounds) {
                    for (Client client : connected) {
                        micros.add(Math.max(0, client.arrivedAt - created) / 1_000);
                    }
                }
            }
            return new Result(clients, micros, perClient(roomAfter - roomBefore, clients),
                    perClient(gatewayAfter - gatewayBefore, clients));
        } finally {
            connected.forEach(client -> client.channel.close());
            loop.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        }
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

    /** One connection: subscribes, then notes the arrival of the next {@code winner:selected} and of the draw's other events. */
    private static final class Client extends SimpleChannelInboundHandler<TextWebSocketFrame> {

        private static final List<String> DRAW_EVENTS = List.of("prize:updated", "winner:selected", "draw:completed");
        private static final String TYPE_PREFIX = "{\"type\":\"";

        final CompletableFuture<Void> opened = new CompletableFuture<>();
        final CountDownLatch subscribed = new CountDownLatch(1);
        private final String room;
        volatile Channel channel;
        volatile long arrivedAt;
        private volatile CountDownLatch waiting;
        private volatile int round;
        private int seenRound; // seenRound and seen: on the event loop only
        private final Set<String> seen = new HashSet<>();

        private Client(String room) {
            this.room = room;
        }

        static Client open(EventLoopGroup loop, URI ws, String token, String room) {
            Client client = new Client(room);
            WebSocketClientProtocolConfig handshake = WebSocketClientProtocolConfig.newBuilder()
                    .webSocketUri(ws)
                    .customHeaders(new DefaultHttpHeaders().add("Authorization", "Bearer " + token))
                    .handshakeTimeoutMillis(30_000)
                    .maxFramePayloadLength(1 << 20)
                    .build();
            new Bootstrap().group(loop).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 16),
                                    new WebSocketClientProtocolHandler(handshake), new WebSocketFrameAggregator(1 << 20),
                                    client);
                        }
                    })
                    .connect(ws.getHost(), ws.getPort())
                    .addListener(connecting -> {
                        if (!connecting.isSuccess()) {
                            client.opened.completeExceptionally(connecting.cause());
                        }
                    });
            return client;
        }

        /** Before the draw of {@code round} (nothing of the one before is still on its way: its round waited for all). */
        void expect(int round, CountDownLatch everyone) {
            arrivedAt = 0;
            waiting = everyone;
            this.round = round;
        }

        @Override
        public void channelActive(ChannelHandlerContext context) throws Exception {
            channel = context.channel();
            super.channelActive(context);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                context.writeAndFlush(new TextWebSocketFrame(
                        "{\"id\":\"s\",\"type\":\"room:subscribe\",\"roomId\":\"" + room + "\"}"));
                opened.complete(null);
            } else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                opened.completeExceptionally(new IllegalStateException("the WebSocket handshake timed out"));
            }
            super.userEventTriggered(context, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, TextWebSocketFrame frame) {
            String text = frame.text();
            String type = drawEvent(text);
            if (type != null) {
                if (seenRound != round) {
                    seenRound = round;
                    seen.clear();
                }
                if (type.equals("winner:selected") && arrivedAt == 0) {
                    arrivedAt = System.nanoTime();
                }
                CountDownLatch latch = waiting;
                if (seen.add(type) && seen.size() == DRAW_EVENTS.size() && latch != null) {
                    latch.countDown();
                }
            } else if (text.startsWith("{\"type\":\"ack\"") && text.contains("\"ok\":true")) {
                subscribed.countDown();
            }
        }

        /** The draw event the frame is, if it is one (checked on every frame: no allocation). */
        private static @Nullable String drawEvent(String text) {
            if (!text.startsWith(TYPE_PREFIX)) {
                return null;
            }
            for (String event : DRAW_EVENTS) {
                if (text.startsWith(event, TYPE_PREFIX.length()) && text.startsWith("\"", TYPE_PREFIX.length() + event.length())) {
                    return event;
                }
            }
            return null;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            opened.completeExceptionally(cause);
            context.close();
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
