package io.eventplatform.room.realtime;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * {@value #PATH}: the gateways' links ({@link Link}). Not routed by the gateway; a link gives nothing a client of
 * {@code /api/v1/ws} does not have, as each of its clients authenticates with its own token.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
final class LiveLinks extends AbstractWebSocketHandler {

    static final String PATH = "/internal/live-link";
    /** A message for thousands of clients: their numbers, then at most an app event's 16 KiB payload in its envelope. */
    static final int MAX_FRAME = 1 << 20;
    private static final String LINK_ATTRIBUTE = "realtime.link";

    private final LiveSockets clients;
    private final RealtimeSettings settings;
    private final ExecutorService closer;
    private final ExecutorService handlers;
    private final Clock clock = Clock.systemUTC();

    LiveLinks(LiveSockets clients, RealtimeSettings settings, @Qualifier("realtimeExecutor") ExecutorService closer,
              @Qualifier("liveLinkHandlers") ExecutorService handlers) {
        this.clients = clients;
        this.settings = settings;
        this.closer = closer;
        this.handlers = handlers;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        session.getAttributes().put(LINK_ATTRIBUTE,
                new Link(session, settings.linkSendBuffer().toBytes(), closer, handlers, clients));
    }

    /** A link's frames may be longer than a client's messages (Tomcat's buffer for each): they come in parts. */
    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        Link link = (Link) session.getAttributes().get(LINK_ATTRIBUTE);
        if (link != null) {
            link.received(message.getPayload(), message.isLast(), MAX_FRAME, clock.instant());
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Link link = (Link) session.getAttributes().get(LINK_ATTRIBUTE);
        if (link != null) {
            link.closed();
        }
    }
}
