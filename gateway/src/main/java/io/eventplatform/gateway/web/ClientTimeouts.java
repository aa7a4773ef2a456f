package io.eventplatform.gateway.web;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.WebFilter;

/**
 * How long a client may take to send its request body: {@code readPause} between two reads, {@code wholeBody} for
 * all of it. A client past either loses its connection; it costs the gateway that connection for that long, never
 * a route (the circuit does not count it, see ServiceGuard). Both stay below the response time limit, so a stalled
 * body is cut off here before it could look like a service that does not answer. A WebSocket upgrade has no body,
 * and its connection then stays open for as long as the client follows the room, mostly only listening: both
 * timeouts are taken off its connection (the hub behind drops connections that stop answering its pings).
 */
@Configuration(proxyBeanMethods = false)
class ClientTimeouts {

    @ConfigurationProperties("platform.gateway.client-timeouts")
    record Properties(@DefaultValue("5s") Duration readPause, @DefaultValue("10s") Duration wholeBody) {
    }

    @Bean
    NettyServerCustomizer clientBodyTimeouts(Properties properties) {
        return server -> server.readTimeout(properties.readPause()).requestTimeout(properties.wholeBody());
    }

    /**
     * Reactor Netty keeps both timeouts on a connection upgraded to a WebSocket (its own way of stopping them, once
     * the request is read, is not reached by an upgrade): a listening client would be cut off after the read pause,
     * every client after the whole-body time. The upgrade's request is complete when this filter sees it, so both
     * stop here, through the same package-private method Reactor Netty uses (looked up once; if a later version
     * renames it, the gateway logs it at start and the end-to-end test of a listening client fails).
     */
    @Bean
    WebFilter noTimeoutsOnWebSockets() {
        MethodHandle stop = stopReadTimeout();
        return (exchange, chain) -> {
            if (stop != null && "websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade())) {
                Object connection = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
                if (SERVER_OPERATIONS != null && SERVER_OPERATIONS.isInstance(connection)) {
                    try {
                        stop.invoke(connection);
                    } catch (Throwable e) {
                        log.warn("Could not stop the request timeouts of a WebSocket upgrade: {}", e.toString());
                    }
                }
            }
            return chain.filter(exchange);
        };
    }

    private static final Logger log = LoggerFactory.getLogger(ClientTimeouts.class);
    private static final @Nullable Class<?> SERVER_OPERATIONS = serverOperations();

    private static @Nullable Class<?> serverOperations() {
        try {
            return Class.forName("reactor.netty.http.server.HttpServerOperations");
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static @Nullable MethodHandle stopReadTimeout() {
        try {
            Method method = Objects.requireNonNull(SERVER_OPERATIONS).getDeclaredMethod("stopReadTimeout");
            method.setAccessible(true);
            return MethodHandles.lookup().unreflect(method);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("WebSocket connections keep the request timeouts (Reactor Netty changed): {}", e.toString());
            return null;
        }
    }
}
