package io.eventplatform.gateway.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One line per request when it ends (method, path, status, time), tagged like the services' lines with the request
 * id and the trace and span id of the request's observation, so one trace id finds the request at the gateway, in
 * the service behind it and in the consumers of the events it caused. The ids are put into the logging context
 * for that line only: the gateway's threads serve many requests at once.
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
        return chain.filter(exchange).doFinally(signal -> log(exchange, started));
    }

    private static void log(ServerWebExchange exchange, long started) {
        String requestId = exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE);
        Span span = spanOf(exchange);
        put("requestId", requestId);
        put("traceId", span == null ? null : span.context().traceId());
        put("spanId", span == null ? null : span.context().spanId());
        try {
            HttpStatusCode code = exchange.getResponse().getStatusCode();
            Object status = code == null ? "-" : code.value();
            access.info("{} {} -> {} in {} ms", exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                    status, (System.nanoTime() - started) / 1_000_000);
        } finally {
            MDC.remove("requestId");
            MDC.remove("traceId");
            MDC.remove("spanId");
        }
    }

    private static @Nullable Span spanOf(ServerWebExchange exchange) {
        ServerRequestObservationContext context =
                ServerRequestObservationContext.findCurrent(exchange.getAttributes()).orElse(null);
        TracingObservationHandler.TracingContext tracing =
                context == null ? null : context.get(TracingObservationHandler.TracingContext.class);
        return tracing == null ? null : tracing.getSpan();
    }

    private static void put(String key, @Nullable String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }
}
