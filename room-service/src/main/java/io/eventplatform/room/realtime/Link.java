package io.eventplatform.room.realtime;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * A gateway's link: one WebSocket carrying all of that gateway's live clients (docs/realtime.md "The gateway's
 * link"). Each client is a {@link Member} with the gateway's number for it. Text frames, a line of header then the
 * message:
 * <ul>
 *   <li>from the gateway: {@code O <n>\n<bearer token or nothing>} (a client connected), {@code M <n>\n<message>},
 *       {@code H <n>} (its pong), {@code C <n> <close code>} (it is gone; 4408: the gateway's send buffer for it
 *       overflowed);</li>
 *   <li>to the gateway: {@code D <n>,<n>,…\n<message>} (one message for each of these clients), {@code P <n>} (ping
 *       it), {@code X <n> <close code>\n<reason>} (close it after what was sent before).</li>
 * </ul>
 * What a client sends is handled in its order, one message after the other, off the link's own thread (a
 * subscription asks the database).
 */
final class Link {

    private static final Logger log = LoggerFactory.getLogger(Link.class);
    static final CloseStatus TOO_BIG = new CloseStatus(CloseStatus.TOO_BIG_TO_PROCESS.getCode(), "message too big");

    /** What the link hands on to the client protocol. */
    interface Clients {

        void opened(LiveSocket socket, @Nullable String bearer);

        void received(LiveSocket socket, String message);

        void closed(LiveSocket socket, CloseStatus status);

        /** A client the gateway closed because its send buffer there overflowed. */
        void overflowed();
    }

    private final SendQueue out;
    private final Clients clients;
    private final Executor handlers;
    private final Map<Long, LiveSocket> members = new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();

    Link(WebSocketSession session, long sendBuffer, Executor closer, Executor handlers, Clients clients) {
        this.out = new SendQueue(session, sendBuffer, closer, this::overflowed);
        this.clients = clients;
        this.handlers = handlers;
    }

    /** A frame, or a part of one ({@code last}: its end). Frames longer than {@code maxFrame} close the link. */
    void received(String part, boolean last, int maxFrame, Instant now) {
        if (partial.length() + part.length() > maxFrame) {
            log.warn("A live link sent a frame longer than {} characters: closing it", maxFrame);
            partial.setLength(0);
            out.closeLater(TOO_BIG);
            return;
        }
        if (!last) {
            partial.append(part);
            return;
        }
        String frame = partial.length() == 0 ? part : partial.append(part).toString();
        partial.setLength(0);
        handle(frame, now);
    }

    private void handle(String frame, Instant now) {
        int newline = frame.indexOf('\n');
        String header = newline < 0 ? frame : frame.substring(0, newline);
        String body = newline < 0 ? "" : frame.substring(newline + 1);
        String[] fields = header.split(" ");
        Long number = fields.length < 2 ? null : number(fields[1]);
        if (number == null || fields[0].length() != 1) {
            log.warn("A live link sent a frame this side does not know: {}", header);
            return;
        }
        switch (fields[0].charAt(0)) {
            case 'O' -> {
                Member member = new Member(number);
                LiveSocket socket = new LiveSocket(member, now);
                if (members.putIfAbsent(number, socket) == null) {
                    member.handle(() -> clients.opened(socket, body.isEmpty() ? null : body));
                }
            }
            case 'M' -> {
                LiveSocket socket = members.get(number);
                if (socket == null) {
                    return;
                }
                socket.heard(now);
                if (body.length() > RealtimeConfiguration.MAX_CLIENT_MESSAGE) { // as Tomcat closes a direct client
                    socket.closeLater(TOO_BIG);
                    return;
                }
                member(socket).handle(() -> clients.received(socket, body));
            }
            case 'H' -> {
                LiveSocket socket = members.get(number);
                if (socket != null) {
                    socket.heard(now);
                }
            }
            case 'C' -> {
                LiveSocket socket = members.remove(number);
                if (socket != null) {
                    Long reported = fields.length > 2 ? number(fields[2]) : null;
                    int code = reported == null ? CloseStatus.NO_CLOSE_FRAME.getCode() : reported.intValue();
                    gone(socket, new CloseStatus(code));
                    if (code == LiveSocket.TOO_SLOW.getCode()) {
                        clients.overflowed();
                    }
                }
            }
            default -> log.warn("A live link sent a frame this side does not know: {}", header);
        }
    }

    /** The link closed: each of its clients is gone. */
    void closed() {
        for (Long number : List.copyOf(members.keySet())) {
            LiveSocket socket = members.remove(number);
            if (socket != null) {
                gone(socket, CloseStatus.GOING_AWAY);
            }
        }
    }

    private void gone(LiveSocket socket, CloseStatus status) {
        Member member = member(socket);
        member.closedThere();
        member.handle(() -> clients.closed(socket, status)); // after whatever it sent before
    }

    /** One message for each of the members: a single frame on the link. */
    void deliver(Collection<Member> recipients, String message) {
        StringBuilder frame = new StringBuilder(message.length() + 8 * recipients.size() + 4).append("D ");
        int before = frame.length();
        for (Member member : recipients) {
            if (member.isOpen()) {
                if (frame.length() > before) {
                    frame.append(',');
                }
                frame.append(member.number);
            }
        }
        if (frame.length() > before) {
            out.send(frame.append('\n').append(message).toString());
        }
    }

    private void overflowed() {
        log.warn("A live link let more than its send buffer pile up: closing it (its clients reconnect and resume)");
        out.closeLater(LiveSocket.TOO_SLOW);
    }

    private static Member member(LiveSocket socket) {
        return (Member) socket.output();
    }

    private static @Nullable Long number(String field) {
        try {
            return Long.valueOf(field);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One of the gateway's clients. */
    final class Member implements LiveSocket.Output {

        private final long number;
        private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean handling = new AtomicBoolean();
        private boolean closed;

        private Member(long number) {
            this.number = number;
        }

        Link link() {
            return Link.this;
        }

        @Override
        public String id() {
            return out.id() + "/" + number;
        }

        @Override
        public boolean send(String text) {
            if (!isOpen()) {
                return false;
            }
            return out.send("D " + number + "\n" + text);
        }

        @Override
        public boolean ping() {
            if (!isOpen()) {
                return false;
            }
            out.send("P " + number);
            return true;
        }

        /** Never here: the gateway keeps each client's send buffer and says when one overflowed. */
        @Override
        public @Nullable Instant overflowedAt() {
            return null;
        }

        @Override
        public void closeLater(CloseStatus status) {
            close(status);
        }

        @Override
        public void close(CloseStatus status) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            out.send("X " + number + " " + status.getCode() + "\n" + (status.getReason() == null ? "" : status.getReason()));
        }

        @Override
        public boolean isOpen() {
            synchronized (this) {
                return !closed && out.isOpen();
            }
        }

        /** The gateway said it is gone: nothing more goes out to it. */
        synchronized void closedThere() {
            closed = true;
        }

        /** Runs after everything this client sent before, never two at once. */
        void handle(Runnable task) {
            inbox.add(task);
            drainSoon();
        }

        private void drainSoon() {
            if (handling.compareAndSet(false, true)) {
                handlers.execute(this::drain);
            }
        }

        private void drain() {
            try {
                Runnable task;
                while ((task = inbox.poll()) != null) {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        log.warn("A live client's message failed", e);
                    }
                }
            } finally {
                handling.set(false);
            }
            if (!inbox.isEmpty()) {
                drainSoon();
            }
        }
    }
}
