package io.eventplatform.support.events;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventJson;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.contracts.events.Topics;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A minimal service on the event plumbing: it keeps a replica of users from identity.users.v1. */
@SpringBootApplication
class EventsTestService {

    static EventEnvelope<EventData.UserChanged> userEvent(String userId, String name, long version) {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return EventEnvelope.of(EventType.USER_UPDATED, "identity-service", userId, version, null,
                new EventData.UserChanged(new Snapshots.User(userId, name, null, "user", false, now, now)));
    }

    @Component
    static class UserReplica {

        /** While set, an event for a user named "poison" fails (a bug that a later release fixes). */
        final AtomicBoolean failOnPoison = new AtomicBoolean(true);
        private final IdempotentConsumer consumer;
        private final ReplicaWriter replicas;
        private final JdbcTemplate jdbc;

        UserReplica(IdempotentConsumer consumer, ReplicaWriter replicas, JdbcTemplate jdbc) {
            this.consumer = consumer;
            this.replicas = replicas;
            this.jdbc = jdbc;
        }

        @KafkaListener(topics = Topics.IDENTITY_USERS, groupId = "events-test-replica")
        void on(String json) {
            EventEnvelope<?> event = EventJson.read(json);
            if (!(event.data() instanceof EventData.UserChanged changed)) {
                return;
            }
            if (failOnPoison.get() && "poison".equals(changed.user().name())) {
                throw new IllegalStateException("cannot handle this user");
            }
            consumer.applyOnce("user-replica", event, () -> {
                jdbc.update("""
                        INSERT INTO effects (event_id, runs) VALUES (?, 1)
                        ON CONFLICT (event_id) DO UPDATE SET runs = effects.runs + 1""", event.id());
                replicas.upsertIfNewer("replica_users", "id", changed.user().id(), event.aggregateVersion(),
                        Map.of("name", changed.user().name()));
            });
        }
    }
}
