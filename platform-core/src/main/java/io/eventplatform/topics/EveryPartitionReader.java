package io.eventplatform.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

/**
 * Reads every partition of some topics on a thread of its own, with no consumer group: each instance gets every
 * record (what an in-memory view per instance needs). From the beginning of the retention window (to rebuild a
 * view), or from the end (to follow what happens from now on). Reports itself not ready until it stands where it
 * started to read: at the end offsets it found (from the beginning), or at its first positions (from the end). What
 * one poll brings is applied with each service's events in the order they were committed, across topics
 * ({@link CommitOrder}).
 */
public abstract class EveryPartitionReader implements SmartLifecycle, HealthIndicator {

    /** Where reading starts. */
    public enum Start { BEGINNING, END }

    private static final Logger log = LoggerFactory.getLogger(EveryPartitionReader.class);

    private final String name;
    private final List<String> topics;
    private final Start start;
    private final Map<String, Object> consumerProperties;
    private final boolean autoStartup;
    private volatile boolean running;
    private volatile boolean caughtUp;
    private volatile @Nullable KafkaConsumer<String, String> consumer;
    private @Nullable Thread thread;
    private final CountDownLatch positioned = new CountDownLatch(1);

    /**
     * @param autoStartup whether it reads from the application's start, like the application's Kafka listeners
     *                    ({@code spring.kafka.listener.auto-startup}: off in a one-shot command)
     */
    protected EveryPartitionReader(String name, List<String> topics, Start start, Map<String, Object> consumerProperties,
                                   boolean autoStartup) {
        this.name = name;
        this.autoStartup = autoStartup;
        this.topics = List.copyOf(topics);
        this.start = start;
        this.consumerProperties = new HashMap<>(consumerProperties);
        this.consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerProperties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        // topics are created by the services with their retention settings, never implicitly by a reader
        this.consumerProperties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    }

    /** One record; an exception is logged and the record skipped (one bad record must not stop the others). */
    protected abstract void apply(ConsumerRecord<String, String> record);

    /** After each poll, on the reader's thread. */
    protected void afterPoll() {
    }

    /** What the health report says once caught up. */
    protected Health.Builder ready(Health.Builder health) {
        return health;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    @Override
    public void start() {
        running = true;
        Thread reader = new Thread(this::run, name);
        reader.setDaemon(true);
        thread = reader;
        reader.start();
        if (start == Start.END) {
            try { // from the end: nothing published after start() returns is missed (unless Kafka is away that long)
                positioned.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(consumerProperties, new StringDeserializer(),
                    new StringDeserializer())) {
                consumer = kafka;
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : topics) {
                    for (PartitionInfo info : kafka.partitionsFor(topic, Duration.ofSeconds(10))) {
                        partitions.add(new TopicPartition(info.topic(), info.partition()));
                    }
                }
                if (partitions.isEmpty()) {
                    TimeUnit.MILLISECONDS.sleep(500); // the topics are not created yet
                    continue;
                }
                kafka.assign(partitions);
                Map<TopicPartition, Long> target;
                if (start == Start.BEGINNING) {
                    kafka.seekToBeginning(partitions);
                    target = kafka.endOffsets(partitions);
                } else {
                    kafka.seekToEnd(partitions);
                    partitions.forEach(kafka::position); // resolves the end now: what is published from here on is read
                    target = Map.of();
                }
                positioned.countDown();
                while (running) {
                    for (ConsumerRecord<String, String> record : CommitOrder.of(kafka.poll(Duration.ofMillis(200)))) {
                        try {
                            apply(record);
                        } catch (RuntimeException e) {
                            log.error("{}: skipping a record of {} it cannot apply: {}", name, record.topic(), e.toString());
                        }
                    }
                    if (!caughtUp && partitions.stream().allMatch(p -> kafka.position(p) >= target.getOrDefault(p, 0L))) {
                        caughtUp = true;
                        log.info("{}: caught up", name);
                    }
                    afterPoll();
                }
            } catch (WakeupException stopping) {
                return;
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("{} failed, reconnecting: {}", name, e.toString());
                }
            } finally {
                consumer = null;
            }
        }
    }

    @Override
    public Health health() {
        return caughtUp ? ready(Health.up()).build()
                : Health.outOfService().withDetail("reason", name + " is not caught up yet").build();
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, String> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        Thread reader = thread;
        if (reader != null) {
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
