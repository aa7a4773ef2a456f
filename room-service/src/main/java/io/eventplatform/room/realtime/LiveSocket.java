package io.eventplatform.room.realtime;

import io.eventplatform.support.security.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.CloseStatus;

/**
 * One client connection: who it is, the rooms it follows, when it was last heard. What is sent to it goes out either
 * on its own WebSocket session ({@link SendQueue}) or, for a client of the gateway, over the gateway's link
 * ({@link Link}), which carries an event once for all of that gateway's clients in a room.
 */
final class LiveSocket {

    static final CloseStatus UNAUTHORIZED = new CloseStatus(4401, "unauthorized");
    static final CloseStatus TOO_SLOW = new CloseStatus(4408, "send buffer overflow");
    static final CloseStatus IDLE = new CloseStatus(1001, "idle");

    /** Who is connected: the token's facts the connection keeps checking. */
    record Viewer(@Nullable String userId, @Nullable String appId, Caller caller,
                  Instant expiresAt, @Nullable String jti, @Nullable String sid, String subject, @Nullable Instant issuedAt) {
    }

    /** Where a connection's messages go. None of these waits for a socket. */
    interface Output {

        String id();

        /** Queues a text message; false when the connection is closing. */
        boolean send(String text);

        /** Pings the client unless something is being sent; whether it did. */
        boolean ping();

        /** When the send buffer overflowed, if it did and the connection has not closed since. */
        @Nullable Instant overflowedAt();

        /** Closes without waiting for the socket. */
        void closeLater(CloseStatus status);

        void close(CloseStatus status);

        boolean isOpen();
    }

    private final Output output;
    private final Instant openedAt;
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();
    private volatile @Nullable Viewer viewer;
    private volatile Instant lastHeard;
    private volatile Instant lastPinged;

    LiveSocket(Output output, Instant now) {
        this.output = output;
        this.openedAt = now;
        this.lastHeard = now;
        this.lastPinged = now;
    }

    /**
     * Sends the text to each of the connections: on its own session, or once per link for all the link's members
     * among them.
     */
    static void sendAll(Iterable<LiveSocket> sockets, String text) {
        Map<Link, List<Link.Member>> linked = null;
        for (LiveSocket socket : sockets) {
            if (socket.output instanceof Link.Member member) {
                if (linked == null) {
                    linked = new IdentityHashMap<>();
                }
                linked.computeIfAbsent(member.link(), link -> new ArrayList<>()).add(member);
            } else {
                socket.send(text);
            }
        }
        if (linked != null) {
            linked.forEach((link, members) -> link.deliver(members, text));
        }
    }

    String id() {
        return output.id();
    }

    Output output() {
        return output;
    }

    boolean send(String text) {
        return output.send(text);
    }

    @Nullable Instant overflowedAt() {
        return output.overflowedAt();
    }

    /** A ping, only while nothing is being sent (a ping must never wait behind a stuck socket). */
    void pingIfIdle(Instant now) {
        if (output.ping()) {
            lastPinged = now;
        }
    }

    void closeLater(CloseStatus status) {
        output.closeLater(status);
    }

    void close(CloseStatus status) {
        output.close(status);
    }

    boolean isOpen() {
        return output.isOpen();
    }

    void heard(Instant now) {
        lastHeard = now;
    }

    Instant lastHeard() {
        return lastHeard;
    }

    Instant lastPinged() {
        return lastPinged;
    }

    Instant openedAt() {
        return openedAt;
    }

    @Nullable Viewer viewer() {
        return viewer;
    }

    void authenticate(Viewer viewer) {
        this.viewer = viewer;
    }

    /** The rooms this connection is subscribed to. */
    Set<String> rooms() {
        return rooms;
    }
}
