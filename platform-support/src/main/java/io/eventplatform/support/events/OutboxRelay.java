package io.eventplatform.support.events;

import io.eventplatform.contracts.events.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes outbox rows to Kafka in id (= commit) order and marks them published, one batch per transaction.
 *
 * <p>One relay per service is active at a time, whatever the number of instances: a batch runs only while its
 * transaction holds the service's PostgreSQL advisory lock. If Kafka is unreachable, the batch rolls back and the
 * relay retries with a growing pause; the rows stay until they are out. A relay that dies after publishing but
 * before its commit publishes the batch again after restart: consumers are idempotent, so a duplicate is a no-op.
 * Published rows are deleted after {@code publishedRetention}.
 */
final class OutboxRelay implements SmartLifecycle, WaitingEvents {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration STATS_INTERVAL = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, String> kafka;
    private final EventsProperties properties;
    private final long lockKey;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private volatile boolean woken;
    private volatile boolean running;
    private @Nullable Thread thread;
    private Instant nextPurge = Instant.EPOCH;
    private Instant nextStats = Instant.EPOCH;

    OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaTemplate<String, String> kafka,
                EventsProperties properties, @Nullable MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        this.lockKey = ("outbox-relay:" + properties.source()).hashCode();
        if (meters != null) {
            Gauge.builder("platform.outbox.backlog", backlog, AtomicLong::get)
                    .description("Outbox events not yet published to Kafka").register(meters);
            Gauge.builder("platform.outbox.oldest.age", oldestAgeMillis, value -> value.get() / 1000.0)
                    .baseUnit("seconds").description("Age of the oldest unpublished outbox event").register(meters);
        }
    }

    /** Called after a commit that wrote events: publish now instead of at the next poll. */
    void wakeUp() {
        lock.lock();
        try {
            woken = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isAutoStartup() {
        return properties.relayAutoStartup();
    }

    @Override
    public void publishAll() {
        while (true) {
            if (publishBatch() == properties.relayBatchSize()) {
                continue;
            }
            Long waiting = jdbc.queryForObject("SELECT count(*) FROM outbox_events WHERE published_at IS NULL", Long.class);
            if (waiting == null || waiting == 0) {
                return;
            }
            awaitWakeUp(properties.relayInterval(), false); // another instance's relay holds the lock: its batch first
        }
    }

    @Override
    public void start() {
        running = true;
        Thread relay = new Thread(this::loop, "outbox-relay");
        relay.setDaemon(true);
        thread = relay;
        relay.start();
    }

    /** Lets the current batch finish, then stops. */
    @Override
    public void stop() {
        running = false;
        wakeUp();
        Thread relay = thread;
        if (relay != null) {
            try {
                relay.join(SEND_TIMEOUT.toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stop before the Kafka producer and the DataSource go away
        return Integer.MAX_VALUE - 100;
    }

    private void loop() {
        Duration backoff = properties.relayInterval();
        while (running) {
            try {
                int published = publishBatch();
                housekeeping();
                backoff = properties.relayInterval();
                if (published == properties.relayBatchSize()) {
                    continue; // more waiting: no pause
                }
            } catch (RuntimeException e) {
                log.warn("Outbox relay could not publish, retrying in {} ms: {}", backoff.toMillis(), e.toString());
                awaitWakeUp(backoff, false);
                backoff = min(backoff.multipliedBy(2), properties.relayMaxBackoff());
                continue;
            }
            awaitWakeUp(properties.relayInterval(), true);
        }
    }

    private void awaitWakeUp(Duration timeout, boolean wakeable) {
        lock.lock();
        try {
            if (!(wakeable && woken) && running) {
                wake.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** One transaction: take the lock, read a batch in order, send it, wait for every ack, mark it published. */
    int publishBatch() {
        Integer count = transactions.execute(status -> {
            Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, lockKey);
            if (!Boolean.TRUE.equals(locked)) {
                return 0; // another instance's relay is at work
            }
            List<Row> rows = jdbc.query("""
                    SELECT id, topic, message_key, payload::text, headers::text FROM outbox_events
                     WHERE published_at IS NULL ORDER BY id LIMIT ?""",
                    (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                    properties.relayBatchSize());
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(rows.size());
            for (Row row : rows) {
                sends.add(kafka.send(row.record(json, properties.source())));
            }
            kafka.flush();
            for (CompletableFuture<SendResult<String, String>> send : sends) {
                try {
                    send.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("Kafka did not acknowledge an outbox event", e);
                }
            }
            Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
            jdbc.update("UPDATE outbox_events SET published_at = now() WHERE id = ANY(?)",
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids)));
            return rows.size();
        });
        return count == null ? 0 : count;
    }

    private void housekeeping() {
        Instant now = Instant.now();
        if (now.isAfter(nextStats)) {
            nextStats = now.plus(STATS_INTERVAL);
            jdbc.query("SELECT count(*), min(created_at) FROM outbox_events WHERE published_at IS NULL", rs -> {
                backlog.set(rs.getLong(1));
                Timestamp oldest = rs.getTimestamp(2);
                oldestAgeMillis.set(oldest == null ? 0 : Math.max(0, now.toEpochMilli() - oldest.getTime()));
            });
        }
        if (now.isAfter(nextPurge)) {
            nextPurge = now.plus(properties.purgeInterval());
            int outbox = jdbc.update("DELETE FROM outbox_events WHERE published_at < ?",
                    Timestamp.from(now.minus(properties.publishedRetention())));
            int processed = jdbc.update("DELETE FROM processed_events WHERE processed_at < ?",
                    Timestamp.from(now.minus(properties.processedRetention())));
            if (outbox + processed > 0) {
                log.debug("Purged {} published outbox rows and {} processed event ids", outbox, processed);
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private record Row(long id, String topic, String key, String payload, String headers) {

        ProducerRecord<String, String> record(JsonMapper json, String source) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
            Map<String, String> stored = json.readValue(headers, new TypeReference<Map<String, String>>() { });
            stored.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            record.headers().add(Topics.OUTBOX_POSITION_HEADER, (source + ":" + id).getBytes(StandardCharsets.UTF_8));
            return record;
        }
    }
}
