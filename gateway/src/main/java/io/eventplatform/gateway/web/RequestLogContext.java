package io.eventplatform.gateway.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * Puts a request's id and the trace and span id of its observation into the logging context for the lines written
 * about it, as a service's request thread has them all along. The gateway's threads serve many requests at once, so
 * the ids are set around each such line and removed after it.
 */
public final class RequestLogContext {

    private RequestLogContext() {
    }

    /** Runs {@code logging} with the exchange's request id, trace id and span id in the logging context. */
    public static void run(ServerWebExchange exchange, Runnable logging) {
        Span span = spanOf(exchange);
        put("requestId", exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE));
        put("traceId", span == null ? null : span.context().traceId());
        put("spanId", span == null ? null : span.context().spanId());
        try {
            logging.run();
        } finally {
            MDC.remove("requestId");
            MDC.remove("traceId");
            MDC.remove("spanId");
        }
    }

    /** The span of the request's server observation, if tracing is on. */
    static @Nullable Span spanOf(ServerWebExchange exchange) {
        ServerRequestObservationContext context =
                ServerRequestObservationContext.findCurrent(exchange.getAttributes()).orElse(null);
        TracingObservationHandler.TracingContext tracing =
                context == null ? null : context.get(TracingObservationHandler.TracingContext.class);
        return tracing == null ? null : tracing.getSpan();
    }

    private static void put(String key, @Nullable Object value) {
        if (value != null) {
            MDC.put(key, value.toString());
        }
    }
}
