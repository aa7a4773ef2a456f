package io.eventplatform.devstack.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What this machine's PostgreSQL and Kafka can do at most, measured on the platform's own servers in the same run. */
final class Limits {

    private Limits() {
    }

    /**
     * Commits per second of single-row INSERTs with a unique key (one transaction each, as a join is), from
     * {@code clients} connections at once for {@code duration}, into a scratch table of its own database.
     */
    static double insertCommitsPerSecond(Target target, int clients, Duration duration) throws Exception {
        try (Connection admin = target.database("postgres"); Statement statement = admin.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'bench_limits'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE bench_limits");
            }
        }
        try (Connection setup = target.database("bench_limits"); Statement statement = setup.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS commit_rate");
            statement.execute("CREATE TABLE commit_rate (id bigserial PRIMARY KEY, k text NOT NULL UNIQUE, at timestamptz NOT NULL DEFAULT now())");
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long deadline = System.nanoTime() + duration.toNanos();
        List<Future<Long>> counts = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            counts.add(pool.submit(() -> {
                long done = 0;
                try (Connection connection = target.database("bench_limits");
                     PreparedStatement insert = connection.prepareStatement("INSERT INTO commit_rate (k) VALUES (?)")) {
                    while (System.nanoTime() < deadline) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.executeUpdate();
                        done++;
                    }
                }
                return done;
            }));
        }
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        try (Connection cleanup = target.database("bench_limits"); Statement statement = cleanup.createStatement()) {
            statement.execute("DROP TABLE commit_rate");
        } catch (SQLException ignored) {
            // a scratch table; the next run drops it first
        }
        return total / seconds;
    }

    /**
     * An event's trip through Kafka alone, in microseconds: a record sent (and flushed) the way the services' outbox
     * relays send, until a reader the way room-service's live feed reads has it — one record at a time, {@code pause}
     * apart, on a scratch topic of its own that is deleted afterwards. The first {@code warmUp} trips are not kept
     * (they compile the clients' code).
     */
    static List<Long> kafkaHopMicros(String bootstrap, int warmUp, int measured, Duration pause) throws Exception {
        String topic = "bench.limits.hop." + UUID.randomUUID();
        TopicPartition partition = new TopicPartition(topic, 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                         ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                         ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 0),
                         new StringSerializer(), new StringSerializer());
                 KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                         ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                         ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                         new StringDeserializer(), new StringDeserializer())) {
                consumer.assign(List.of(partition));
                consumer.seekToEnd(List.of(partition));
                consumer.position(partition);
                List<Long> micros = new ArrayList<>(measured);
                for (int trip = 0; trip < warmUp + measured; trip++) {
                    String value = Integer.toString(trip);
                    long sent = System.nanoTime();
                    producer.send(new ProducerRecord<>(topic, "hop", value));
                    producer.flush();
                    awaitValue(consumer, value);
                    if (trip >= warmUp) {
                        micros.add((System.nanoTime() - sent) / 1_000);
                    }
                    TimeUnit.NANOSECONDS.sleep(pause.toNanos());
                }
                return micros;
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void awaitValue(KafkaConsumer<String, String> consumer, String value) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.value().equals(value)) {
                    return;
                }
            }
        }
        throw new IllegalStateException("a record sent to Kafka did not come back within 10 s");
    }
}
