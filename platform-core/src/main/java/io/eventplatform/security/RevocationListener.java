package io.eventplatform.security;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventJson;
import io.eventplatform.contracts.events.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
 * Feeds the {@link RevocationSet} from {@code identity.revocations.v1}. Every instance reads every partition
 * from the start of the retention window (no consumer group: each instance needs all revocations), and reports
 * itself not ready until it has read what was on the topic when it started — so a fresh instance never accepts a
 * token that was revoked before it came up.
 */
final class RevocationListener implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(RevocationListener.class);

    private final RevocationSet revocations;
    private final Map<String, Object> consumerProperties;
    private volatile boolean running;
    private volatile boolean caughtUp;
    private @Nullable KafkaConsumer<String, String> consumer;
    private @Nullable Thread thread;

    RevocationListener(RevocationSet revocations, Map<String, Object> consumerProperties) {
        this.revocations = revocations;
        this.consumerProperties = new HashMap<>(consumerProperties);
        this.consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerProperties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        // the topic is created by the services with its retention settings, never implicitly by a reader
        this.consumerProperties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    }

    @Override
    public void start() {
        running = true;
        Thread listener = new Thread(this::run, "revocations");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(consumerProperties, new StringDeserializer(),
                    new StringDeserializer())) {
                consumer = kafka;
                List<TopicPartition> partitions = kafka.partitionsFor(Topics.IDENTITY_REVOCATIONS, Duration.ofSeconds(10)).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .toList();
                if (partitions.isEmpty()) {
                    java.util.concurrent.TimeUnit.MILLISECONDS.sleep(500); // the topic is not created yet
                    continue;
                }
                kafka.assign(partitions);
                kafka.seekToBeginning(partitions);
                Map<TopicPartition, Long> startEnd = kafka.endOffsets(partitions);
                while (running) {
                    for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(200))) {
                        apply(record.value());
                    }
                    if (!caughtUp && partitions.stream().allMatch(p -> kafka.position(p) >= startEnd.get(p))) {
                        caughtUp = true;
                        log.info("Revocations loaded ({} entries)", revocations.size());
                    }
                    revocations.purgeExpired();
                }
            } catch (WakeupException stopping) {
                return;
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Revocation listener failed, reconnecting: {}", e.toString());
                }
            } finally {
                consumer = null;
            }
        }
    }

    private void apply(String json) {
        try {
            EventEnvelope<?> event = EventJson.read(json);
            if (event.data() instanceof EventData.TokenRevoked token) {
                revocations.revokeToken(token);
            } else if (event.data() instanceof EventData.SessionRevoked session) {
                revocations.revokeSession(session);
            } else if (event.data() instanceof EventData.SubjectTokensRevoked subject) {
                revocations.revokeSubject(subject);
            }
        } catch (RuntimeException e) {
            // a revocation this build cannot read must not stop the others
            log.error("Skipping unreadable revocation event: {}", e.toString());
        }
    }

    @Override
    public Health health() {
        return caughtUp ? Health.up().withDetail("entries", revocations.size()).build()
                : Health.outOfService().withDetail("reason", "loading revocations").build();
    }

    boolean caughtUp() {
        return caughtUp;
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, String> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        Thread listener = thread;
        if (listener != null) {
            try {
                listener.join(5_000);
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
