package io.eventplatform.gateway.web;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The security headers on every answer the gateway gives, its own and the services' alike: no content sniffing, no
 * framing, no referrer, and {@code Cache-Control: no-store} unless the answer says how it may be cached (the public
 * key sets do): an API answer holds one person's data. No {@code Server} banner is sent.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SecurityHeaders implements WebFilter {

    /** On every answer; {@code Cache-Control: no-store} too, unless the answer says how it may be cached. */
    static final Map<String, String> FIXED = Map.of("X-Content-Type-Options", "nosniff", "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            FIXED.forEach(headers::set);
            if (!headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            headers.remove(HttpHeaders.SERVER);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
