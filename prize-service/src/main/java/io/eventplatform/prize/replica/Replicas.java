package io.eventplatform.prize.replica;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventJson;
import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.contracts.events.Topics;
import io.eventplatform.support.events.AppReplica;
import io.eventplatform.support.events.IdempotentConsumer;
import io.eventplatform.support.events.ReplicaWriter;
import io.eventplatform.support.events.UserReplica;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import tools.jackson.databind.JsonNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * prize-service's copies of rooms (status, app and its manifest version, organizer, public, deleted), participants
 * (room, user, role, active, metadata), apps (active, every manifest version) and users (name, avatar), fed by Kafka: each event applied once, never over newer state. A deleted room
 * takes its prizes and winners with it.
 */
@Component
class Replicas {

    private final IdempotentConsumer consumer;
    private final ReplicaWriter replicas;
    private final UserReplica users;
    private final AppReplica apps;
    private final ApplicationEventPublisher features;

    Replicas(IdempotentConsumer consumer, ReplicaWriter replicas, UserReplica users, AppReplica apps,
             ApplicationEventPublisher features) {
        this.apps = apps;
        this.consumer = consumer;
        this.replicas = replicas;
        this.users = users;
        this.features = features;
    }

    @KafkaListener(id = "prize-service.room-replica", topics = Topics.ROOMS)
    void onRoom(String json) {
        EventEnvelope<?> event = EventJson.readKnown(json).orElse(null);
        if (event != null && event.data() instanceof EventData.RoomChanged changed) {
            Snapshots.Room room = changed.room();
            boolean deleted = room.deletedAt() != null;
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("status", enumValue(room.status()));
            values.put("app_id", room.appId());
            values.put("app_manifest_version", room.appManifestVersion());
            values.put("created_by", room.createdBy());
            values.put("is_public", room.isPublic());
            values.put("deleted", deleted);
            consumer.applyOnce("room-replica", event, () -> {
                boolean newer = replicas.upsertIfNewer("replica_rooms", "id", room.id(), event.aggregateVersion(), values);
                if (newer && deleted) {
                    // its prizes and winners go with it, in this transaction (the winner feature hears it)
                    features.publishEvent(new RoomRemoved(room.id()));
                }
            });
        }
    }

    /**
     * Memberships arrive in bursts (a crowd joining): each poll is applied in one transaction. An event that
     * cannot be read ends the batch: the ones before it are applied and committed, then it goes to the error
     * handler (retries, then the dead-letter topic) and the rest of the poll is delivered again.
     */
    @KafkaListener(id = "prize-service.participant-replica", topics = Topics.ROOM_PARTICIPANTS, batch = "true")
    void onParticipants(List<String> batch) {
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                EventJson.readKnown(batch.get(i)).ifPresent(events::add);
            } catch (RuntimeException unreadable) {
                applyParticipants(events);
                throw new BatchListenerFailedException("unreadable participant event", unreadable, i);
            }
        }
        applyParticipants(events);
    }

    private void applyParticipants(List<EventEnvelope<?>> events) {
        consumer.applyEachOnce("participant-replica", events, event -> {
            if (event.data() instanceof EventData.ParticipantChanged changed) {
                Snapshots.Participant participant = changed.participant();
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("room_id", participant.roomId());
                values.put("user_id", participant.userId());
                values.put("role", enumValue(participant.role()));
                values.put("active", participant.active());
                values.put("metadata", json(participant.metadata()));
                replicas.upsertIfNewer("replica_participants", "id", participant.id(), event.aggregateVersion(), values);
            }
        });
    }

    /** Apps: whether they are active, and every manifest version (a room keeps the version it was created with). */
    @KafkaListener(id = "prize-service.app-replica", topics = Topics.IDENTITY_APPS)
    void onApp(String json) {
        apps.apply(json, deleted -> { });
    }

    @KafkaListener(id = "prize-service.user-replica", topics = Topics.IDENTITY_USERS)
    void onUser(String json) {
        users.apply(json, deleted -> { });
    }

    /** A JSON value for a jsonb column (sent untyped, so the column's type applies); null stays null. */
    private static SqlParameterValue json(@Nullable JsonNode value) {
        return new SqlParameterValue(Types.OTHER, value == null || value.isNull() ? null : value.toString());
    }

    /** A wire value (lowercase) for a PostgreSQL enum column: sent untyped, so the column's enum type applies (ADR 0003). */
    private static SqlParameterValue enumValue(String wire) {
        return new SqlParameterValue(Types.OTHER, wire.toUpperCase(Locale.ROOT));
    }
}
