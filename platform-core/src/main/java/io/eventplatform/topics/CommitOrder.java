package io.eventplatform.topics;

import io.eventplatform.contracts.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/**
 * One poll's records with the events of each service in the order that service committed them. Kafka keeps order
 * within a partition only; a poll that brings several topics' records lists them partition by partition, so a draw's
 * {@code winner:selected} may come after its {@code prize:updated} although it was written first. Each service's
 * records are merged by their outbox position ({@link Topics#OUTBOX_POSITION_HEADER}) into the places its records
 * had, taking each partition's records in their own order (so a service whose outbox started counting again after a
 * reset is never reordered within a partition). Another service's records, and records without a position, stay
 * where they were.
 */
final class CommitOrder {

    private record Positioned(long position, ConsumerRecord<String, String> record) {
    }

    /** One service's records in this poll: their places, and each partition's records in partition order. */
    private static final class Source {
        final List<Integer> slots = new ArrayList<>();
        final Map<TopicPartition, ArrayDeque<Positioned>> partitions = new LinkedHashMap<>();
    }

    private CommitOrder() {
    }

    static List<ConsumerRecord<String, String>> of(Iterable<ConsumerRecord<String, String>> polled) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        polled.forEach(records::add);
        if (records.size() < 2) {
            return records;
        }
        Map<String, Source> sources = new LinkedHashMap<>();
        for (int slot = 0; slot < records.size(); slot++) {
            ConsumerRecord<String, String> record = records.get(slot);
            String position = position(record);
            int colon = position == null ? -1 : position.lastIndexOf(':');
            if (colon <= 0) {
                continue;
            }
            long id;
            try {
                id = Long.parseLong(position.substring(colon + 1));
            } catch (NumberFormatException notAPosition) {
                continue;
            }
            Source source = sources.computeIfAbsent(position.substring(0, colon), name -> new Source());
            source.slots.add(slot);
            source.partitions.computeIfAbsent(new TopicPartition(record.topic(), record.partition()),
                    partition -> new ArrayDeque<>()).add(new Positioned(id, record));
        }
        Comparator<ArrayDeque<Positioned>> byHead = Comparator.comparingLong(queue -> queue.peekFirst().position());
        for (Source source : sources.values()) {
            for (int slot : source.slots) {
                ArrayDeque<Positioned> first = source.partitions.values().stream().filter(queue -> !queue.isEmpty())
                        .min(byHead).orElseThrow();
                records.set(slot, first.pollFirst().record());
            }
        }
        return records;
    }

    private static @Nullable String position(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(Topics.OUTBOX_POSITION_HEADER);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
