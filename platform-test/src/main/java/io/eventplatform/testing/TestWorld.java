package io.eventplatform.testing;

import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventJson;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Base of a service's Object Mother: what every service's tests need to play the other services (publish their
 * events) and to look at the service's database.
 */
public abstract class TestWorld {

    protected final KafkaTemplate<String, String> kafka;
    protected final JdbcTemplate jdbc;

    protected TestWorld(KafkaTemplate<String, String> kafka, JdbcTemplate jdbc) {
        this.kafka = kafka;
        this.jdbc = jdbc;
    }

    /** Publishes an event as its owning service would (topic from its type, keyed by room or aggregate id). */
    public void publish(EventEnvelope<?> event) {
        String key = event.roomId() != null ? event.roomId() : event.aggregateId();
        kafka.send(new ProducerRecord<>(event.knownType().orElseThrow().topic(), key, EventJson.write(event))).join();
    }

    /** A number from the database (a count, a quantity). */
    public long count(String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }

    /** The types of the events in the service's outbox under one key (a room id), oldest first. */
    public List<String> outboxTypes(String key) {
        return jdbc.queryForList("SELECT event_type FROM outbox_events WHERE message_key = ? ORDER BY id", String.class, key);
    }
}
