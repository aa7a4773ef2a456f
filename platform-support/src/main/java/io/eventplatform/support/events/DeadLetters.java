package io.eventplatform.support.events;

import io.eventplatform.contracts.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * What happens to an event a consumer cannot process: it is retried with a doubling pause, then parked on
 * {@code <topic>.dlt} with the exception and its origin in the headers (Spring Kafka's {@code kafka_dlt-*}
 * headers), and the consumer goes on with the next event. Parked events can be replayed onto their topic once
 * the cause is fixed ({@link #replay}, exposed as {@code POST /actuator/deadletters/{topic}}).
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    static final String REPLAYED_HEADER = "platform-replayed-from";

    private final KafkaTemplate<String, String> kafka;
    private final Map<String, Object> consumerProperties;
    private final String replayGroup;
    private final @Nullable MeterRegistry meters;

    DeadLetters(KafkaTemplate<String, String> kafka, Map<String, Object> consumerProperties, String source,
                @Nullable MeterRegistry meters) {
        this.kafka = kafka;
        this.consumerProperties = consumerProperties;
        this.replayGroup = source + "-dlt-replay";
        this.meters = meters;
    }

    /** The listener containers' error handler (Boot applies a CommonErrorHandler bean to its container factory). */
    DefaultErrorHandler errorHandler(EventsProperties properties) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1)) {
            @Override
            public void accept(ConsumerRecord<?, ?> record, org.apache.kafka.clients.consumer.@Nullable Consumer<?, ?> consumer,
                               Exception exception) {
                log.error("Parking event from {}-{}@{} on {} after retries: {}", record.topic(), record.partition(),
                        record.offset(), Topics.deadLetter(record.topic()), exception.toString());
                super.accept(record, consumer, exception);
                if (meters != null) {
                    Counter.builder("platform.events.dead.lettered").tag("topic", record.topic())
                            .description("Events parked on a dead-letter topic").register(meters).increment();
                }
            }
        };
        // the stack trace is in this service's log under the same offset; as a header it can outgrow a record
        recoverer.excludeHeader(DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_STACKTRACE);
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.consumerRetries());
        backOff.setInitialInterval(properties.consumerBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(Duration.ofSeconds(10).toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        // JSON that cannot be read will not read better on a second try
        handler.addNotRetryableExceptions(tools.jackson.core.JacksonException.class);
        return handler;
    }

    /**
     * Publishes every event parked on {@code <topic>.dlt} since the last replay back onto {@code topic}, with its
     * original key and headers, and remembers how far it got (consumer group {@code <source>-dlt-replay}).
     *
     * @return how many events were replayed
     */
    public int replay(String topic) {
        if (!Topics.ALL.contains(topic)) {
            throw new IllegalArgumentException("Unknown topic " + topic + "; one of " + Topics.ALL);
        }
        Map<String, Object> config = new HashMap<>(consumerProperties);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, replayGroup);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        int replayed = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.deadLetter(topic)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            // only what is parked now: an event that fails again while being replayed waits for the next replay
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                    consumer.committed(new java.util.HashSet<>(partitions));
            for (TopicPartition partition : partitions) {
                var offset = committed.get(partition);
                if (offset == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, offset.offset());
                }
            }
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    ProducerRecord<String, String> again = new ProducerRecord<>(topic, record.key(), record.value());
                    for (Header header : record.headers()) {
                        if (!header.key().startsWith(KafkaHeaders.PREFIX) && !header.key().equals(REPLAYED_HEADER)) {
                            again.headers().add(header);
                        }
                    }
                    again.headers().add(REPLAYED_HEADER, Topics.deadLetter(topic).getBytes(StandardCharsets.UTF_8));
                    kafka.send(again).join();
                    replayed++;
                }
                Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> positions = new HashMap<>();
                for (TopicPartition partition : partitions) {
                    positions.put(partition, new org.apache.kafka.clients.consumer.OffsetAndMetadata(
                            Math.min(consumer.position(partition), end.get(partition))));
                }
                consumer.commitSync(positions);
            }
        }
        log.info("Replayed {} parked events from {} onto {}", replayed, Topics.deadLetter(topic), topic);
        return replayed;
    }
}
