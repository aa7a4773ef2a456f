package io.eventplatform.gateway.live;

import io.netty.channel.Channel;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.WebSocketClient;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The gateway's link to room-service's hub: one WebSocket carrying every live client of this gateway (the frames:
 * room-service's {@code Link}, docs/realtime.md). A message for many clients arrives once, with their numbers, and is
 * handed to each of them here. When the link ends, its clients are closed with 1012 (they reconnect and resume).
 */
final class RoomServiceLink {

    private static final Logger log = LoggerFactory.getLogger(RoomServiceLink.class);
    static final CloseStatus RESTARTING = new CloseStatus(1012, "live rooms restarting");

    private final LiveSettings settings;
    private final Consumer<RoomServiceLink> onEnd;
    private final Sinks.Many<String> frames = Sinks.many().unicast().onBackpressureBuffer();
    private final Map<Long, LiveConnection> connections = new ConcurrentHashMap<>();
    private final AtomicLong numbers = new AtomicLong();
    private final AtomicBoolean ended = new AtomicBoolean();

    RoomServiceLink(LiveSettings settings, Consumer<RoomServiceLink> onEnd) {
        this.settings = settings;
        this.onEnd = onEnd;
    }

    /** Opens the link; the link once room-service took it. */
    Mono<RoomServiceLink> connect(WebSocketClient client, URI uri) {
        Sinks.One<RoomServiceLink> ready = Sinks.one();
        client.execute(uri, session -> {
            ready.tryEmitValue(this);
            Mono<Void> in = session.receive().doOnNext(this::received).then().doFinally(signal -> end());
            return in.and(session.send(frames.asFlux().map(session::textMessage)));
        }).subscribe(null, error -> {
            if (!ready.tryEmitError(error).isSuccess()) {
                log.warn("The live link to room-service failed: {}", error.toString());
            }
            end();
        }, this::end);
        return ready.asMono();
    }

    /** A client connected: room-service hears of it (with the token it sent on the upgrade, if any). */
    LiveConnection open(WebSocketSession session, Channel channel, @Nullable String bearer) {
        LiveConnection connection = new LiveConnection(numbers.incrementAndGet(), session, channel,
                settings.sendBuffer().toBytes(), settings.closeGrace());
        connections.put(connection.number(), connection);
        emit("O " + connection.number() + "\n" + (bearer == null ? "" : bearer));
        if (ended.get()) {
            connection.close(RESTARTING);
        }
        return connection;
    }

    void message(LiveConnection connection, String text) {
        emit("M " + connection.number() + "\n" + text);
    }

    void pong(LiveConnection connection) {
        emit("H " + connection.number());
    }

    /** The client is gone; {@code code} 4408 when this side closed it for its send buffer. */
    void gone(LiveConnection connection, int code) {
        if (connections.remove(connection.number()) != null) {
            emit("C " + connection.number() + " " + code);
        }
        connection.gone();
    }

    private synchronized void emit(String frame) {
        frames.tryEmitNext(frame);
    }

    private void received(WebSocketMessage message) {
        DataBuffer payload = message.getPayload();
        byte[] frame = new byte[payload.readableByteCount()];
        payload.read(frame);
        int newline = indexOf(frame, (byte) '\n');
        int headerEnd = newline < 0 ? frame.length : newline;
        if (frame.length < 3 || frame[1] != ' ') {
            log.warn("room-service's live link sent a frame this side does not know");
            return;
        }
        switch (frame[0]) {
            case 'D' -> {
                ByteBuffer text = ByteBuffer.wrap(frame, headerEnd + 1, Math.max(0, frame.length - headerEnd - 1)).slice();
                long number = 0;
                for (int i = 2; i <= headerEnd; i++) {
                    byte b = i < headerEnd ? frame[i] : (byte) ',';
                    if (b == ',') {
                        deliver(number, text);
                        number = 0;
                    } else {
                        number = number * 10 + (b - '0');
                    }
                }
            }
            case 'P' -> {
                LiveConnection connection = connections.get(number(frame, headerEnd));
                if (connection != null) {
                    connection.ping();
                }
            }
            case 'X' -> {
                String[] fields = new String(frame, 0, headerEnd, StandardCharsets.US_ASCII).split(" ");
                LiveConnection connection = connections.get(number(frame, headerEnd));
                if (connection != null && fields.length == 3) {
                    String reason = newline < 0 ? ""
                            : new String(frame, newline + 1, frame.length - newline - 1, StandardCharsets.UTF_8);
                    connection.close(new CloseStatus(Integer.parseInt(fields[2]), reason.isEmpty() ? null : reason));
                }
            }
            default -> log.warn("room-service's live link sent a frame this side does not know");
        }
    }

    private void deliver(long number, ByteBuffer text) {
        LiveConnection connection = connections.get(number);
        if (connection != null && !connection.deliver(text)) {
            gone(connection, LiveConnection.TOO_SLOW.getCode());
        }
    }

    private void end() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        frames.tryEmitComplete();
        for (LiveConnection connection : List.copyOf(connections.values())) {
            connections.remove(connection.number());
            connection.close(RESTARTING);
        }
        onEnd.accept(this);
    }

    /** The number after the frame's letter, up to the first space or the end of the header. */
    private static long number(byte[] frame, int headerEnd) {
        long number = 0;
        for (int i = 2; i < headerEnd && frame[i] != ' '; i++) {
            number = number * 10 + (frame[i] - '0');
        }
        return number;
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
