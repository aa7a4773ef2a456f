package io.eventplatform.topics;

import io.eventplatform.contracts.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/**
 * One poll's records with the events of each service in the order that service committed them. Kafka keeps order
 * within a partition only; a poll that brings several topics' records lists them partition by partition, so a draw's
 * {@code winner:selected} may come after its {@code prize:updated} although it was written first. Each service's
 * records are put in the order of their outbox position ({@link Topics#OUTBOX_POSITION_HEADER}), in the places its
 * records had: another service's records, and records without a position, stay where they were.
 */
final class CommitOrder {

    private record Positioned(int slot, long position, ConsumerRecord<String, String> record) {
    }

    private CommitOrder() {
    }

    static List<ConsumerRecord<String, String>> of(Iterable<ConsumerRecord<String, String>> polled) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        polled.forEach(records::add);
        if (records.size() < 2) {
            return records;
        }
        Map<String, List<Positioned>> bySource = new LinkedHashMap<>();
        for (int slot = 0; slot < records.size(); slot++) {
            ConsumerRecord<String, String> record = records.get(slot);
            String position = position(record);
            int colon = position == null ? -1 : position.lastIndexOf(':');
            if (colon > 0) {
                try {
                    long id = Long.parseLong(position.substring(colon + 1));
                    bySource.computeIfAbsent(position.substring(0, colon), source -> new ArrayList<>())
                            .add(new Positioned(slot, id, record));
                } catch (NumberFormatException notAPosition) {
                    // left where it is
                }
            }
        }
        for (List<Positioned> ofSource : bySource.values()) {
            List<Positioned> committed = new ArrayList<>(ofSource);
            committed.sort(Comparator.comparingLong(Positioned::position));
            for (int i = 0; i < ofSource.size(); i++) {
                records.set(ofSource.get(i).slot(), committed.get(i).record());
            }
        }
        return records;
    }

    private static @Nullable String position(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(Topics.OUTBOX_POSITION_HEADER);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
