package io.eventplatform.support.events;

import io.eventplatform.contracts.api.PlatformHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Puts the {@code X-Request-Id} an event carries into the logging context while a listener handles it, so the
 * consumer's log lines name the request that caused the event.
 */
final class RequestIdRecordInterceptor implements RecordInterceptor<Object, Object> {

    static final String MDC_KEY = "requestId";

    @Override
    public @Nullable ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        Header header = record.headers().lastHeader(PlatformHeaders.REQUEST_ID);
        if (header != null) {
            MDC.put(MDC_KEY, new String(header.value(), StandardCharsets.UTF_8));
        }
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        MDC.remove(MDC_KEY);
    }
}
