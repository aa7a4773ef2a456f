package io.eventplatform.identity.replica;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventJson;
import io.eventplatform.contracts.events.Topics;
import io.eventplatform.support.events.IdempotentConsumer;
import io.eventplatform.support.events.ReplicaWriter;
import java.util.Map;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code replica_rooms} (organizer, app, deleted) from {@code rooms.rooms.v1}: what identity-service needs
 * to refuse deleting a user who organizes rooms (USER_HAS_ROOMS) or an app rooms still use (APP_HAS_ROOMS).
 */
@Component
class RoomReplica {

    private final IdempotentConsumer consumer;
    private final ReplicaWriter replicas;

    RoomReplica(IdempotentConsumer consumer, ReplicaWriter replicas) {
        this.consumer = consumer;
        this.replicas = replicas;
    }

    @KafkaListener(id = "identity-service.room-replica", topics = Topics.ROOMS)
    void on(String json) {
        EventEnvelope<?> event = EventJson.readKnown(json).orElse(null);
        if (event != null && event.data() instanceof EventData.RoomChanged changed) {
            consumer.applyOnce("room-replica", event, () -> replicas.upsertIfNewer("replica_rooms", "room_id",
                    changed.room().id(), event.aggregateVersion(), Map.of(
                            "created_by", changed.room().createdBy(),
                            "app_id", changed.room().appId(),
                            "deleted", changed.room().deletedAt() != null || event.type().equals("RoomDeleted"))));
        }
    }
}
