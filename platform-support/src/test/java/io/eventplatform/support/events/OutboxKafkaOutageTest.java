package io.eventplatform.support.events;

import static io.eventplatform.support.events.EventsTestService.userEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventJson;
import io.eventplatform.contracts.events.Topics;
import io.eventplatform.testing.Infrastructure;
import io.eventplatform.testing.KafkaBroker;
import io.eventplatform.testing.WithRealInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Kafka goes away while the service keeps committing: nothing fails, nothing is lost, order per key holds. */
@SpringBootTest(classes = EventsTestService.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.application.name=outage-test", "platform.events.relay-max-backoff=1s",
                "spring.kafka.listener.auto-startup=false"})
@WithRealInfrastructure
class OutboxKafkaOutageTest {

    static final KafkaBroker broker = Infrastructure.shared().dedicatedKafka();

    @Autowired Outbox outbox;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        broker.stop();
    }

    @Test
    void commitsSucceedWhileKafkaIsDownAndEveryEventArrivesInOrderPerKeyAfterwards() {
        List<String> users = List.of("usr_a_" + UUID.randomUUID(), "usr_b_" + UUID.randomUUID(), "usr_c_" + UUID.randomUUID());
        broker.stop();

        Map<UUID, EventEnvelope<?>> committed = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            String user = users.get(i % users.size());
            EventEnvelope<?> event = userEvent(user, "name " + i, i / users.size() + 1);
            transactions.executeWithoutResult(status -> outbox.publish(event));
            committed.put(event.id(), event);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_events WHERE published_at IS NULL", Integer.class))
                .isEqualTo(100);

        broker.start();

        Map<String, List<Long>> versionsPerKey = new HashMap<>();
        List<UUID> received = new ArrayList<>();
        Map<String, Object> config = Map.of("bootstrap.servers", broker.bootstrapServers(), "group.id", "outage-reader",
                "auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.IDENTITY_USERS));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    EventEnvelope<?> event = EventJson.read(record.value());
                    if (committed.containsKey(event.id())) {
                        received.add(event.id());
                        versionsPerKey.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(event.aggregateVersion());
                    }
                }
                return received.stream().distinct().count() == 100;
            });
        }
        for (String user : users) {
            List<Long> versions = versionsPerKey.get(user);
            assertThat(versions).as("versions of " + user + " in the order they arrived").isSorted();
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM outbox_events WHERE published_at IS NULL", Integer.class) == 0);
    }
}
