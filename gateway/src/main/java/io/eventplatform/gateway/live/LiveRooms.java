package io.eventplatform.gateway.live;

import io.eventplatform.contracts.api.ApiError;
import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.gateway.routing.Downstreams;
import io.eventplatform.gateway.web.EnvelopeResponses;
import io.eventplatform.security.BearerHeader;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.netty.NettyOutbound;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import org.springframework.web.reactive.socket.client.WebSocketClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/ws}: a client's live connection. The filters every request passes have run by now (the
 * {@code Origin} allow-list, the token check, rate limits); room-service's hub does the rest over this gateway's link
 * ({@link RoomServiceLink}), opened with the first client and again after it ended. When room-service cannot be
 * reached the client is closed with 1013 (try again later).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiveSettings.class)
class LiveRooms {

    static final String PATH = "/api/v1/ws";
    private static final String SEC_WEBSOCKET_KEY = "Sec-WebSocket-Key";
    private static final String SEC_WEBSOCKET_VERSION = "Sec-WebSocket-Version";
    private static final String VERSION = "13";
    static final String LINK_PATH = "/internal/live-link";
    static final CloseStatus UNAVAILABLE = new CloseStatus(1013, "live rooms unavailable, try again");
    /** room-service's limit for a binary message, which it refuses anyway (docs/realtime.md "Connecting"). */
    private static final int MAX_BINARY = 256;
    private static final Logger log = LoggerFactory.getLogger(LiveRooms.class);

    private final LiveSettings settings;
    private final JsonMapper json;
    private final URI linkUri;
    private final WebSocketClient client;
    private final WebSocketService upgrades = new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy());
    private @Nullable RoomServiceLink current;
    private @Nullable Mono<RoomServiceLink> connected;

    LiveRooms(LiveSettings settings, Downstreams downstreams, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        this.linkUri = UriComponentsBuilder.fromUri(downstreams.room())
                .scheme("https".equals(downstreams.room().getScheme()) ? "wss" : "ws").path(LINK_PATH).build().toUri();
        int maxFrame = (int) settings.maxLinkFrame().toBytes();
        // a room-service that does not answer: its clients hear 1013 within seconds, not after Netty's 30 s
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000);
        this.client = new ReactorNettyWebSocketClient(http, () -> WebsocketClientSpec.builder().maxFramePayloadLength(maxFrame));
    }

    /** Ahead of the routes: {@code /api/v1/ws} is answered here, not proxied. */
    @Bean
    HandlerMapping liveRoomsMapping() {
        WebHandler upgrade = exchange -> {
            String refusal = HttpMethod.GET.equals(exchange.getRequest().getMethod()) ? refusal(exchange.getRequest().getHeaders()) : null;
            if (refusal != null) {
                exchange.getResponse().getHeaders().set(SEC_WEBSOCKET_VERSION, VERSION);
                return EnvelopeResponses.write(exchange, 400, json.writeValueAsBytes(ApiError.of(ErrorCode.BAD_REQUEST,
                        refusal, Map.of("required", "Upgrade: websocket, Connection: Upgrade, Sec-WebSocket-Key, "
                                + SEC_WEBSOCKET_VERSION + ": " + VERSION + " (RFC 6455)"))));
            }
            Channel channel = channel(exchange);
            if (channel == null) {
                return Mono.error(new IllegalStateException("not served by Reactor Netty"));
            }
            if (HttpMethod.GET.equals(exchange.getRequest().getMethod())) { // an upgrade (another method gets a 405)
                LiveFrames.install(channel); // before it: a client may send its first frames right after the 101
            }
            return upgrades.handleRequest(exchange, session -> handle(session, channel));
        };
        return new SimpleUrlHandlerMapping(Map.of(PATH, upgrade), Ordered.HIGHEST_PRECEDENCE + 10);
    }

    private Mono<Void> handle(WebSocketSession session, Channel channel) {
        LingeringClose.install(channel, settings.closeGrace());
        String bearer = BearerHeader.token(session.getHandshakeInfo().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        return link().onErrorResume(error -> {
            log.warn("No live link to room-service at {}: {}", linkUri, error.toString());
            return Mono.empty();
        }).flatMap(link -> {
            LiveConnection connection = link.open(session, channel, bearer);
            Mono<Void> in = session.receive().doOnNext(message -> {
                switch (message.getType()) {
                    case TEXT -> link.message(connection, message.getPayloadAsText());
                    case PONG -> link.pong(connection);
                    case BINARY -> connection.close(message.getPayload().readableByteCount() > MAX_BINARY
                            ? CloseStatus.TOO_BIG_TO_PROCESS : CloseStatus.NOT_ACCEPTABLE); // as room-service does
                    default -> { }
                }
            }).then()
                    .onErrorComplete() // a phone that leaves without a close frame (out of range, app killed) is normal
                    .doFinally(signal -> link.gone(connection, CloseStatus.NORMAL.getCode()));
            // nor is a write that finds the connection gone: either way the client has left
            return in.and(connection.send().onErrorComplete()).thenReturn(link);
        }).switchIfEmpty(Mono.defer(() -> session.close(UNAVAILABLE).then(Mono.empty()))).then();
    }

    /**
     * Why a GET is not an RFC 6455 upgrade, or null when it is. Checked here rather than left to Spring and Netty,
     * which answer a missing version with an obsolete draft's handshake (or drop the connection) and another version
     * with a bare 426.
     */
    static @Nullable String refusal(HttpHeaders headers) {
        if (!"websocket".equalsIgnoreCase(headers.getUpgrade())) {
            return PATH + " is a WebSocket endpoint: send an upgrade request";
        }
        if (headers.getConnection().stream().noneMatch("upgrade"::equalsIgnoreCase)) {
            return "A WebSocket upgrade needs Connection: Upgrade";
        }
        String key = headers.getFirst(SEC_WEBSOCKET_KEY);
        if (key == null || key.isBlank()) {
            return "A WebSocket upgrade needs a " + SEC_WEBSOCKET_KEY + " header";
        }
        String version = headers.getFirst(SEC_WEBSOCKET_VERSION);
        if (version == null) {
            return "A WebSocket upgrade needs " + SEC_WEBSOCKET_VERSION + ": " + VERSION;
        }
        if (!VERSION.equals(version.trim())) {
            return "This WebSocket version is not spoken here, only " + VERSION;
        }
        return null;
    }

    /** The open link, or a new one. */
    private synchronized Mono<RoomServiceLink> link() {
        Mono<RoomServiceLink> link = connected;
        if (link == null) {
            RoomServiceLink opening = new RoomServiceLink(settings, this::ended);
            current = opening;
            link = opening.connect(client, linkUri).cache();
            if (current == opening) { // not ended already
                connected = link;
            }
        }
        return link;
    }

    /** A link that ended (or never connected) is forgotten: the next client opens a new one. */
    private synchronized void ended(RoomServiceLink ended) {
        if (current == ended) {
            current = null;
            connected = null;
        }
    }

    /** The client's TCP connection. */
    private static @Nullable Channel channel(ServerWebExchange exchange) {
        Object response = ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
        Channel[] channel = new Channel[1];
        if (response instanceof NettyOutbound netty) {
            netty.withConnection(connection -> channel[0] = connection.channel());
        }
        return channel[0];
    }

}
