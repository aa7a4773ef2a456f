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

    private static final String REQUEST_ID = "requestId";
    private static final String TRACE_ID = "traceId";
    private static final String SPAN_ID = "spanId";

    private RequestLogContext() {
    }

    /** Runs {@code logging} with the exchange's request id, trace id and span id in the logging context. */
    public static void run(ServerWebExchange exchange, Runnable logging) {
        Span span = spanOf(exchange);
        put(REQUEST_ID, exchange.getAttribute(RequestIdWebFilter.ATTRIBUTE));
        put(TRACE_ID, span == null ? null : span.context().traceId());
        put(SPAN_ID, span == null ? null : span.context().spanId());
        try {
            logging.run();
        } finally {
            MDC.remove(REQUEST_ID);
            MDC.remove(TRACE_ID);
            MDC.remove(SPAN_ID);
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
