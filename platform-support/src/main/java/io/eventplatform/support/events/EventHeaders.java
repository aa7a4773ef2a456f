package io.eventplatform.support.events;

import io.eventplatform.contracts.api.PlatformHeaders;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The Kafka headers an event carries from the request that caused it: its {@code X-Request-Id} and its trace
 * context (W3C {@code traceparent}). They are taken when the event is written to the outbox, inside the request,
 * because the relay sends it later on its own thread; a consumer's observation continues the trace from them, so
 * the consumer's log lines carry the request's trace id.
 */
final class EventHeaders {

    private final @Nullable Tracer tracer;
    private final @Nullable Propagator propagator;

    EventHeaders(@Nullable Tracer tracer, @Nullable Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    Map<String, String> ofCurrentRequest() {
        Map<String, String> headers = new LinkedHashMap<>();
        String requestId = MDC.get(RequestIdRecordInterceptor.MDC_KEY);
        if (requestId != null) {
            headers.put(PlatformHeaders.REQUEST_ID, requestId);
        }
        Span span = tracer == null ? null : tracer.currentSpan();
        if (span != null && propagator != null) {
            propagator.inject(span.context(), headers, Map::put);
        }
        return headers;
    }
}
