package io.eventplatform.testing;

import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventJson;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of a domain service's API tests: the service on a random port with real PostgreSQL and Kafka, trusting the
 * test token issuer; an HTTP client, and what tests need to play the other services (publish their events) and to
 * look at the database. Every subclass in a service shares one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure(kafka = true)
public abstract class ServiceApiTestSupport {

    protected static final TestTokenIssuer TOKENS = new TestTokenIssuer();

    @LocalServerPort
    protected int port;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected JdbcTemplate jdbc;

    protected ApiClient api;

    @DynamicPropertySource
    static void tokenIssuer(DynamicPropertyRegistry registry) {
        TOKENS.register(registry);
    }

    @BeforeEach
    void apiClient() {
        api = new ApiClient(port);
    }

    /** Publishes an event as its owning service would (topic from its type, keyed by room or aggregate id). */
    public static void publish(KafkaTemplate<String, String> kafka, EventEnvelope<?> event) {
        String key = event.roomId() != null ? event.roomId() : event.aggregateId();
        kafka.send(new ProducerRecord<>(event.knownType().orElseThrow().topic(), key, EventJson.write(event))).join();
    }

    /** A number from the database (a count, a quantity). */
    public static long count(JdbcTemplate jdbc, String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }

    /** The types of the events in the service's outbox under one key (a room id), oldest first. */
    public static List<String> outboxTypes(JdbcTemplate jdbc, String key) {
        return jdbc.queryForList("SELECT event_type FROM outbox_events WHERE message_key = ? ORDER BY id", String.class, key);
    }
}
