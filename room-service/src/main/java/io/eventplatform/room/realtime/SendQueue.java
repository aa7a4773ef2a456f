package io.eventplatform.room.realtime;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;

/**
 * What goes out on one WebSocket session: a bounded queue drained by asynchronous sends, one at a time, so whoever
 * sends (the event feed, a subscription, the sweeper) only appends and never waits for the socket. Whoever lets more
 * than the send buffer pile up is closed with 4408 (a client may resume with {@code since}).
 */
final class SendQueue implements LiveSocket.Output {

    /** Sends that complete on the caller's thread chain into the next one; past this depth the next goes to the executor. */
    private static final int MAX_INLINE_DEPTH = 16;
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    private static final ByteBuffer PING = ByteBuffer.allocate(0);
    private static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";
    private static final Long BLOCKING_SEND_MILLIS = 1000L;

    private final WebSocketSession session;
    private final RemoteEndpoint.Async remote;
    private final long limit;
    private final Executor executor;
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private long queued;
    private boolean sending;
    private boolean closed;
    private boolean closeRequested;
    private @Nullable Instant overflowedAt;
    private final Runnable onOverflow;

    SendQueue(WebSocketSession session, long limit, Executor executor, Runnable onOverflow) {
        this.session = session;
        if (!(session instanceof StandardWebSocketSession standard)) {
            throw new IllegalStateException("not a standard WebSocket session: " + session.getClass().getName());
        }
        Session container = standard.getNativeSession(Session.class);
        // a close frame or a ping is a blocking write: it waits at most this long for a stuck socket
        container.getUserProperties().put(BLOCKING_SEND_TIMEOUT, BLOCKING_SEND_MILLIS);
        this.remote = container.getAsyncRemote();
        this.limit = limit;
        this.executor = executor;
        this.onOverflow = onOverflow;
    }

    @Override
    public String id() {
        return session.getId();
    }

    /**
     * Queues a text message; false when the connection is closing. When the send buffer would overflow, the queue is
     * dropped and the connection closes with 4408 right after the message in flight (a close frame cannot overtake
     * it); a client that does not take even that one is cut off by the sweeper.
     */
    @Override
    public boolean send(String text) {
        boolean overflow = false;
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (sending) {
                if (queued + text.length() <= limit) {
                    queue.add(text);
                    queued += text.length();
                    return true;
                }
                closed = true;
                overflow = true;
                overflowedAt = Instant.now();
                queue.clear();
                queued = 0;
            } else {
                sending = true;
            }
        }
        if (overflow) {
            onOverflow.run();
            return false;
        }
        write(text);
        return true;
    }

    /** When the send buffer overflowed, if it did and the connection has not closed since. */
    @Override
    public synchronized @Nullable Instant overflowedAt() {
        return overflowedAt;
    }

    private void write(String text) {
        try {
            remote.sendText(text, this::sent);
        } catch (RuntimeException e) { // the session closed under us
            synchronized (this) {
                closed = true;
                queue.clear();
            }
        }
    }

    private void sent(SendResult result) {
        String next;
        synchronized (this) {
            if (!result.isOK() || closed) {
                sending = false;
                queue.clear();
                if (overflowedAt != null && result.isOK()) {
                    closeLater(LiveSocket.TOO_SLOW); // the message in flight went out: now the close frame can
                }
                return;
            }
            next = queue.poll();
            if (next == null) {
                sending = false;
                return;
            }
            queued -= next.length();
        }
        int[] depth = DEPTH.get();
        if (depth[0] >= MAX_INLINE_DEPTH) {
            executor.execute(() -> write(next));
            return;
        }
        depth[0]++;
        try {
            write(next);
        } finally {
            depth[0]--;
        }
    }

    /** A ping frame, only while nothing is being sent (a ping must never wait behind a stuck socket). */
    @Override
    public boolean ping() {
        synchronized (this) {
            if (closed || sending) {
                return false;
            }
        }
        try {
            remote.sendPing(PING);
        } catch (IOException | RuntimeException e) {
            closeLater(CloseStatus.SERVER_ERROR);
        }
        return true;
    }

    /**
     * Closes on the executor: a close frame is a blocking write that may wait for a stuck socket (up to the
     * session's blocking send timeout), and nobody who pushes may wait for that.
     */
    @Override
    public void closeLater(CloseStatus status) {
        synchronized (this) {
            closed = true;
            queue.clear();
            if (closeRequested) {
                return;
            }
            closeRequested = true;
        }
        executor.execute(() -> close(status));
    }

    @Override
    public void close(CloseStatus status) {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        try {
            session.close(status);
        } catch (IOException | RuntimeException e) {
            // already closed
        }
    }

    @Override
    public boolean isOpen() {
        synchronized (this) {
            return !closed && session.isOpen();
        }
    }
}
