package io.eventplatform.room.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventJson;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.testing.SchemaTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Users, apps (every manifest version) and prizes arrive by Kafka; duplicates and late events change nothing. */
class ReplicasTest extends SchemaTestSupport {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Autowired
    KafkaTemplate<String, String> kafka;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theUserReplicaKeepsTheNewestStateWhateverTheOrder() {
        String user = "usr_" + UUID.randomUUID();
        EventEnvelope<?> registered = userEvent(EventType.USER_REGISTERED, user, "Ada", false, 1);
        EventEnvelope<?> renamed = userEvent(EventType.USER_UPDATED, user, "Countess", false, 2);

        send(renamed);
        send(registered);
        send(renamed);

        await().atMost(Duration.ofSeconds(10)).until(() -> processed(registered.id()) && processed(renamed.id()));
        assertThat(jdbc().queryForObject("SELECT name FROM replica_users WHERE id = ?", String.class, user)).isEqualTo("Countess");

        EventEnvelope<?> deleted = userEvent(EventType.USER_DELETED, user, "Countess", true, 3);
        send(deleted);
        await().atMost(Duration.ofSeconds(10)).until(() -> processed(deleted.id()));
        assertThat(jdbc().queryForObject("SELECT deleted FROM replica_users WHERE id = ?", Boolean.class, user)).isTrue();
    }

    @Test
    void everyManifestVersionOfAnAppIsKeptAndTheCurrentOneIsTheNewest() {
        String app = "app_replica_" + UUID.randomUUID().toString().substring(0, 8);
        EventEnvelope<?> v1 = appEvent(EventType.APP_REGISTERED, app, "1.0.0", 1);
        EventEnvelope<?> v2 = appEvent(EventType.APP_MANIFEST_UPDATED, app, "2.0.0", 2);

        send(v2);
        send(v1);

        await().atMost(Duration.ofSeconds(10)).until(() -> processed(v1.id()) && processed(v2.id()));
        assertThat(jdbc().queryForObject("SELECT current_version FROM replica_apps WHERE app_id = ?", String.class, app))
                .isEqualTo("2.0.0");
        assertThat(jdbc().queryForList("SELECT version FROM replica_app_manifests WHERE app_id = ? ORDER BY version",
                String.class, app)).containsExactly("1.0.0", "2.0.0");
        assertThat(jdbc().queryForObject("""
                SELECT manifest #>> '{meta,version}' FROM replica_app_manifests WHERE app_id = ? AND version = '1.0.0'""",
                String.class, app)).isEqualTo("1.0.0");
    }

    @Test
    void prizesPerRoomFollowCreationAndDeletion() {
        String room = "room_" + UUID.randomUUID();
        EventEnvelope<?> first = prizeEvent(EventType.PRIZE_CREATED, room, "prz_a_" + UUID.randomUUID(), 1, false);
        EventEnvelope<?> second = prizeEvent(EventType.PRIZE_CREATED, room, "prz_b_" + UUID.randomUUID(), 1, false);
        send(first);
        send(second);
        await().atMost(Duration.ofSeconds(10)).until(() -> livePrizes(room) == 2);

        EventEnvelope<?> deleted = prizeEvent(EventType.PRIZE_DELETED, room, first.aggregateId(), 2, true);
        send(deleted);

        await().atMost(Duration.ofSeconds(10)).until(() -> livePrizes(room) == 1);
    }

    private int livePrizes(String room) {
        return jdbc().queryForObject("SELECT count(*) FROM replica_prizes WHERE room_id = ? AND NOT deleted", Integer.class, room);
    }

    private boolean processed(UUID eventId) {
        return jdbc().queryForObject("SELECT count(*) FROM processed_events WHERE event_id = ?", Integer.class, eventId) > 0;
    }

    private void send(EventEnvelope<?> event) {
        String key = event.roomId() != null ? event.roomId() : event.aggregateId();
        kafka.send(new ProducerRecord<>(event.knownType().orElseThrow().topic(), key, EventJson.write(event))).join();
    }

    private static EventEnvelope<?> userEvent(EventType type, String id, String name, boolean deleted, long version) {
        return EventEnvelope.of(type, "identity-service", id, version, null, new EventData.UserChanged(
                new Snapshots.User(id, name, null, "user", deleted, NOW, NOW)));
    }

    private EventEnvelope<?> appEvent(EventType type, String appId, String version, long aggregateVersion) {
        return EventEnvelope.of(type, "identity-service", appId, aggregateVersion, null, new EventData.AppChanged(
                new Snapshots.App(appId, version, json.readTree("{\"meta\":{\"version\":\"" + version + "\"}}"), true, false, NOW, NOW)));
    }

    private static EventEnvelope<?> prizeEvent(EventType type, String room, String prize, long version, boolean deleted) {
        return EventEnvelope.of(type, "prize-service", prize, version, room, new EventData.PrizeChanged(
                new Snapshots.Prize(prize, room, "Mug", null, null, 1, 1, null, NOW, NOW, deleted ? NOW : null), null));
    }
}
