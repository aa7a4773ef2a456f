package io.eventplatform.gateway.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Gives each proxied request (HTTP and WebSocket upgrades) the W3C {@code traceparent} of the gateway's span for it,
 * so the service's span is its child. Replaces the client's own trace headers, and costs no observation of its own:
 * Spring Cloud Gateway's per-call observation would add a span, a timer and a baggage pass to every request for a
 * timing the service's span already has (docs/performance.md, ADR 0016).
 */
@Component
class TraceParentHeaders implements HttpHeadersFilter {

    private final Propagator propagator;

    TraceParentHeaders(ObjectProvider<Propagator> propagator) {
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Span span = RequestLogContext.spanOf(exchange);
        if (span == null || propagator.fields().isEmpty()) {
            return input;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        for (String field : propagator.fields()) {
            headers.remove(field);
        }
        propagator.inject(span.context(), headers, HttpHeaders::set);
        return headers;
    }
}
