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

    /**
     * The Swagger UI at {@code /docs}: its own scripts and styles only (it sets some styles inline), pictures of its
     * own or inline, calls to this gateway only, never framed, no plugins, no forms elsewhere.
     */
    static final String DOCS_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'none'";

    /** On every answer; {@code Cache-Control: no-store} too, unless the answer says how it may be cached. */
    static final Map<String, String> FIXED = Map.of("X-Content-Type-Options", "nosniff", "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            FIXED.forEach(headers::set);
            if (exchange.getRequest().getPath().value().startsWith("/docs/")) {
                headers.set("Content-Security-Policy", DOCS_POLICY);
            }
            if (!headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            headers.remove(HttpHeaders.SERVER);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
