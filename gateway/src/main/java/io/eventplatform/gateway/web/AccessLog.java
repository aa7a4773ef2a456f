package io.eventplatform.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One line per request when it ends (method, path, status, time), tagged like the services' lines with the request
 * id and the trace and span id of the request's observation, so one trace id finds the request at the gateway, in
 * the service behind it and in the consumers of the events it caused.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class AccessLog implements WebFilter {

    private static final Logger access = LoggerFactory.getLogger("io.eventplatform.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!access.isInfoEnabled()) {
            return chain.filter(exchange);
        }
        long started = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> RequestLogContext.run(exchange, () -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            access.info("{} {} -> {} in {} ms", exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                    status == null ? "-" : status.value(), (System.nanoTime() - started) / 1_000_000);
        }));
    }
}
