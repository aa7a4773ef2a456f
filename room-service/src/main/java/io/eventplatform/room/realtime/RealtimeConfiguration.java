package io.eventplatform.room.realtime;

import io.eventplatform.security.BearerHeader;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * {@code /api/v1/ws}. The gateway is the only way in and refuses a browser whose {@code Origin} is not allowed
 * (the CORS list), so any origin that reaches this service was already let through. A bearer token on the upgrade
 * is kept for the handler, which answers with the {@code auth} message as soon as the connection opens. Not in a
 * context without a web server (schema tests).
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSocket
class RealtimeConfiguration implements WebSocketConfigurer {

    static final String PATH = "/api/v1/ws";
    static final int MAX_CLIENT_MESSAGE = 4096;
    private static final int BINARY_MESSAGE_BUFFER = 256;

    private final LiveSockets sockets;
    private final LiveLinks links;

    RealtimeConfiguration(LiveSockets sockets, LiveLinks links) {
        this.sockets = sockets;
        this.links = links;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(sockets, PATH)
                .addInterceptors(new BearerOnUpgrade())
                .setAllowedOriginPatterns("*");
        registry.addHandler(links, LiveLinks.PATH);
    }

    /** The upgrade in the service's OpenAPI document (springdoc sees controllers only); the protocol: docs/realtime.md. */
    @Bean
    OpenApiCustomizer liveRoomsInTheApiDocument() {
        return api -> api.path(PATH, new PathItem().get(new Operation().operationId("connectLive").addTagsItem("live rooms")
                .summary("Open the live connection (WebSocket)")
                .description("An HTTP/1.1 upgrade to a WebSocket: the token in Authorization or in an auth message within 5 s; "
                        + "then room:subscribe, presence, ping; every room event is pushed (docs/realtime.md).")
                .responses(new ApiResponses()
                        .addApiResponse("101", new ApiResponse().description("Switching protocols: the live connection"))
                        .addApiResponse("400", new ApiResponse().description("Not a WebSocket upgrade")))));
    }

    /**
     * What a client sends is small (auth, subscribe, ping): a text message of at most {@value #MAX_CLIENT_MESSAGE}
     * characters (a longer one closes the connection with 1009), and binary messages are refused anyway. Each
     * connection keeps its message buffers for its lifetime, so these sizes, not Tomcat's 8,192 of each, are what
     * 2,000 connections cost (about 15 KiB less heap each; docs/performance.md).
     */
    @Bean
    static ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(MAX_CLIENT_MESSAGE);
        container.setMaxBinaryMessageBufferSize(BINARY_MESSAGE_BUFFER);
        return container;
    }

    /** Closes (a close frame may wait up to a second for a stuck socket) and sends handed off a deep chain. */
    @Bean(destroyMethod = "shutdownNow")
    static ExecutorService realtimeExecutor() {
        return pool("realtime-");
    }

    /**
     * What the gateways' clients send (auth, subscriptions: a database check each), each client's in order. As many
     * threads as subscriptions may ask the database at once.
     */
    @Bean(destroyMethod = "shutdownNow")
    static ExecutorService liveLinkHandlers() {
        return pool("live-link-");
    }

    private static ExecutorService pool(String prefix) {
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, prefix + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    private static final class BearerOnUpgrade implements HandshakeInterceptor {

        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                       Map<String, Object> attributes) {
            String bearer = BearerHeader.token(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
            if (bearer != null) {
                attributes.put(LiveSockets.BEARER_ATTRIBUTE, bearer);
            }
            return true;
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   @org.jspecify.annotations.Nullable Exception exception) {
        }
    }
}
