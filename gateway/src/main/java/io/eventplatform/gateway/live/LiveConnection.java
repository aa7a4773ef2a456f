package io.eventplatform.gateway.live;

import java.nio.ByteBuffer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One client's connection at the gateway. Its messages wait in a queue until Netty takes them, then in Netty's
 * outbound buffer until its socket takes them: the link that delivers them only appends and never waits for a
 * client. A client that lets more than the send buffer pile up in both is closed with 4408 right after the message
 * being written (the rest is dropped); if it does not take even the close frame within the grace, its connection is
 * cut. (Netty takes whatever is sent, writable or not: its buffer is counted, not relied on to push back.)
 */
final class LiveConnection {

    static final CloseStatus TOO_SLOW = new CloseStatus(4408, "send buffer overflow");

    private final long number;
    private final WebSocketSession session;
    private final long limit;
    private final Duration grace;
    private final Channel channel;
    private final Sinks.Many<WebSocketMessage> out = Sinks.many().unicast().onBackpressureBuffer();
    private long waiting;
    private boolean ending;
    private boolean dropped;
    private @Nullable CloseStatus closeWith;

    /** @param channel the client's TCP connection, to see what waits in Netty's buffer and to cut it */
    LiveConnection(long number, WebSocketSession session, Channel channel, long limit, Duration grace) {
        this.number = number;
        this.session = session;
        this.channel = channel;
        this.limit = limit;
        this.grace = grace;
    }

    long number() {
        return number;
    }

    /** What goes out, then the close frame the hub asked for (if it did). */
    Mono<Void> send() {
        Flux<WebSocketMessage> messages = out.asFlux().filter(message -> !isDropped()).doOnNext(this::taken);
        return session.send(messages).then(Mono.defer(() -> {
            CloseStatus status = closeStatus();
            return status == null ? Mono.empty() : session.close(status);
        }));
    }

    /**
     * Queues a text message (its UTF-8 bytes, shared with the other clients it goes to); false when it overflowed
     * the send buffer and the connection is being closed with 4408.
     */
    synchronized boolean deliver(ByteBuffer text) {
        if (ending) {
            return true;
        }
        int size = text.remaining();
        if (waiting + unwritten() + size > limit) {
            overflow();
            return false;
        }
        waiting += size;
        out.tryEmitNext(new WebSocketMessage(WebSocketMessage.Type.TEXT, session.bufferFactory().wrap(text.duplicate())));
        return true;
    }

    synchronized void ping() {
        if (!ending) {
            out.tryEmitNext(session.pingMessage(factory -> factory.allocateBuffer(0)));
        }
    }

    /** Closes with the status after what was queued before. */
    synchronized void close(CloseStatus status) {
        if (ending) {
            return;
        }
        ending = true;
        closeWith = status;
        out.tryEmitComplete();
    }

    /** The client is gone (or the link is): nothing more goes out. */
    synchronized void gone() {
        ending = true;
        out.tryEmitComplete();
    }

    private void overflow() {
        ending = true;
        dropped = true;
        closeWith = TOO_SLOW;
        out.tryEmitComplete();
        Mono.delay(grace).subscribe(tick -> LingeringClose.cut(channel)); // a close frame never read is never written
    }

    /** What Netty holds for the client's socket. */
    private long unwritten() {
        ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }

    private synchronized void taken(WebSocketMessage message) {
        if (message.getType() == WebSocketMessage.Type.TEXT) {
            waiting -= message.getPayload().readableByteCount();
        }
    }

    private synchronized boolean isDropped() {
        return dropped;
    }

    private synchronized @Nullable CloseStatus closeStatus() {
        return closeWith;
    }
}
