package io.eventplatform.support.events;

import static io.eventplatform.support.events.EventsTestService.userEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventJson;
import io.eventplatform.contracts.events.Topics;
import io.eventplatform.testing.WithRealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox, the relay, idempotent and version-guarded consumers, and dead letters, on real PostgreSQL and Kafka. */
@SpringBootTest(classes = EventsTestService.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.application.name=events-test", "platform.events.consumer-retries=2",
                "platform.events.consumer-backoff=50ms"})
@WithRealInfrastructure(kafka = true)
class EventPlumbingTest {

    @Autowired Outbox outbox;
    @Autowired OutboxRelay relay;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired KafkaProperties kafkaProperties;
    @Autowired DeadLetters deadLetters;
    @Autowired EventsTestService.UserReplica replica;

    @AfterEach
    void healTheReplica() {
        replica.failOnPoison.set(true);
    }

    @Test
    void publishingAllWaitingEventsReturnsOnlyOnceNoneWaitsWhileTheRelaysThreadIsAtWorkToo() {
        List<EventEnvelope<?>> events = new java.util.ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            events.add(userEvent("usr_" + UUID.randomUUID(), "Waiting " + i, 1));
        }
        transactions.executeWithoutResult(status -> events.forEach(outbox::publish));

        relay.publishAll();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_events WHERE published_at IS NULL", Integer.class)).isZero();
        // acknowledged by Kafka before it returned: one read of the topic finds every one
        List<String> ids = events.stream().map(event -> event.id().toString()).toList();
        List<EventEnvelope<?>> onTheTopic = readAll(Topics.IDENTITY_USERS).stream()
                .filter(record -> ids.stream().anyMatch(record.value()::contains))
                .<EventEnvelope<?>>map(record -> EventJson.read(record.value())).toList();
        assertThat(onTheTopic).containsAll(events);
    }

    @Test
    void anEventCommittedWithItsStateChangeIsPublishedKeyedByItsAggregate() {
        String user = "usr_" + UUID.randomUUID();
        EventEnvelope<?> event = userEvent(user, "Ada", 1);

        transactions.executeWithoutResult(status -> outbox.publish(event));

        ConsumerRecord<String, String> record = awaitRecord(Topics.IDENTITY_USERS, event.id());
        assertThat(record.key()).isEqualTo(user);
        assertThat(EventJson.read(record.value())).isEqualTo(event);
        // its place in this service's commits, for readers of several topics (CommitOrder)
        Long row = jdbc.queryForObject("SELECT id FROM outbox_events WHERE event_id = ?", Long.class, event.id());
        assertThat(header(record, Topics.OUTBOX_POSITION_HEADER)).isEqualTo("events-test:" + row);
        await().atMost(Duration.ofSeconds(10)).until(() -> name(user), "Ada"::equals);
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String user = "usr_" + UUID.randomUUID();
        EventEnvelope<?> rolledBack = userEvent(user, "Never", 1);
        EventEnvelope<?> committed = userEvent(user, "Grace", 2);

        transactions.executeWithoutResult(status -> {
            outbox.publish(rolledBack);
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> outbox.publish(committed));

        // same key, same partition: once the later event is there, the earlier one would have been before it
        List<ConsumerRecord<String, String>> records = recordsUntil(Topics.IDENTITY_USERS, committed.id());
        assertThat(records).noneMatch(record -> record.value().contains(rolledBack.id().toString()));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_events WHERE event_id = ?", Integer.class,
                rolledBack.id())).isZero();
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.publish(userEvent("usr_x", "X", 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
    }

    @Test
    void aRelayThatDiesBeforeMarkingPublishesAgainAndTheConsumerAppliesOnce() {
        String user = "usr_" + UUID.randomUUID();
        EventEnvelope<?> event = userEvent(user, "Katherine", 1);
        transactions.executeWithoutResult(status -> outbox.publish(event));
        awaitRecord(Topics.IDENTITY_USERS, event.id());
        await().atMost(Duration.ofSeconds(10)).until(() -> runs(event.id()) == 1);

        // the state a relay leaves when it dies after Kafka acknowledged the batch but before its commit
        jdbc.update("UPDATE outbox_events SET published_at = NULL WHERE event_id = ?", event.id());
        relay.wakeUp();

        await().atMost(Duration.ofSeconds(10)).until(() -> copies(Topics.IDENTITY_USERS, event.id()) == 2);
        EventEnvelope<?> marker = userEvent(user, "Katherine J.", 2);
        transactions.executeWithoutResult(status -> outbox.publish(marker));
        await().atMost(Duration.ofSeconds(10)).until(() -> runs(marker.id()) == 1);
        assertThat(runs(event.id())).isEqualTo(1);
    }

    @Test
    void aDuplicateChangesNothingAndAnOlderVersionNeverOverwritesANewerOne() {
        String user = "usr_" + UUID.randomUUID();
        EventEnvelope<?> v2 = userEvent(user, "Second", 2);
        EventEnvelope<?> v1 = userEvent(user, "First", 1);

        send(v2);
        send(v2);
        send(v1);
        EventEnvelope<?> marker = userEvent("usr_marker_" + UUID.randomUUID(), "Marker", 1);
        send(marker, user);

        await().atMost(Duration.ofSeconds(10)).until(() -> runs(marker.id()) == 1);
        assertThat(runs(v2.id())).isEqualTo(1);
        assertThat(runs(v1.id())).isEqualTo(1); // consumed once, but the version guard kept v2
        assertThat(name(user)).isEqualTo("Second");
        assertThat(jdbc.queryForObject("SELECT aggregate_version FROM replica_users WHERE id = ?", Long.class, user)).isEqualTo(2);
    }

    @Test
    void aPoisonEventIsParkedOnTheDeadLetterTopicAndTheNextEventIsProcessed() {
        String user = "usr_" + UUID.randomUUID();
        EventEnvelope<?> poison = userEvent(user, "poison", 1);
        EventEnvelope<?> next = userEvent(user, "Healthy", 2);
        kafka.send(new ProducerRecord<>(Topics.IDENTITY_USERS, user, "{not json")).join();
        send(poison);
        send(next);

        await().atMost(Duration.ofSeconds(20)).until(() -> "Healthy".equals(name(user)));
        ConsumerRecord<String, String> parked = awaitRecord(Topics.deadLetter(Topics.IDENTITY_USERS), poison.id());
        assertThat(header(parked, "kafka_dlt-original-topic")).isEqualTo(Topics.IDENTITY_USERS);
        assertThat(header(parked, "kafka_dlt-exception-message")).contains("cannot handle this user");
        assertThat(runs(poison.id())).isZero();

        // the fix is deployed: replaying the parked events applies the poison one (its older version is ignored)
        replica.failOnPoison.set(false);
        assertThat(deadLetters.replay(Topics.IDENTITY_USERS)).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).until(() -> runs(poison.id()) == 1);
        assertThat(name(user)).isEqualTo("Healthy");
    }

    private void send(EventEnvelope<?> event) {
        send(event, event.aggregateId());
    }

    private void send(EventEnvelope<?> event, String key) {
        kafka.send(new ProducerRecord<>(Topics.IDENTITY_USERS, key, EventJson.write(event))).join();
    }

    private String name(String user) {
        List<String> names = jdbc.queryForList("SELECT name FROM replica_users WHERE id = ?", String.class, user);
        return names.isEmpty() ? null : names.get(0);
    }

    private int runs(UUID eventId) {
        List<Integer> runs = jdbc.queryForList("SELECT runs FROM effects WHERE event_id = ?", Integer.class, eventId);
        return runs.isEmpty() ? 0 : runs.get(0);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private ConsumerRecord<String, String> awaitRecord(String topic, UUID eventId) {
        List<ConsumerRecord<String, String>> records = recordsUntil(topic, eventId);
        return records.get(records.size() - 1);
    }

    private long copies(String topic, UUID eventId) {
        return readAll(topic).stream().filter(record -> record.value().contains(eventId.toString())).count();
    }

    /** Everything on the topic up to and including the first record of the event. */
    private List<ConsumerRecord<String, String>> recordsUntil(String topic, UUID eventId) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            seen.clear();
            seen.addAll(readAll(topic));
            for (int i = 0; i < seen.size(); i++) {
                if (seen.get(i).value().contains(eventId.toString())) {
                    seen.subList(i + 1, seen.size()).clear();
                    return true;
                }
            }
            return false;
        });
        return seen;
    }

    private List<ConsumerRecord<String, String>> readAll(String topic) {
        Map<String, Object> config = new java.util.HashMap<>(kafkaProperties.buildConsumerProperties());
        config.put("group.id", "reader-" + UUID.randomUUID());
        config.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            int empty = 0;
            while (empty < 2) {
                var batch = consumer.poll(Duration.ofMillis(500));
                if (batch.isEmpty() && !consumer.assignment().isEmpty()) {
                    empty++;
                }
                batch.forEach(records::add);
            }
        }
        return records;
    }
}
