package io.eventplatform.room.replica;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventJson;
import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.contracts.events.Topics;
import io.eventplatform.room.participant.Memberships;
import io.eventplatform.room.room.OrphanGuard;
import io.eventplatform.support.events.AppReplica;
import io.eventplatform.support.events.IdempotentConsumer;
import io.eventplatform.support.events.ReplicaWriter;
import io.eventplatform.support.events.UserReplica;
import java.util.Map;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * room-service's read-only copies of other services' data, fed by Kafka: users (name, avatar, deleted) for the
 * participant lists, apps with every manifest version ever published (rooms stay locked to the version they were
 * created with), and prizes per room (for {@code prizeCount}). Each event is applied once, and never over newer
 * state. A deleted user leaves every room they were in; the live rooms they alone organized, and those of a deleted
 * app, are cancelled (OrphanGuard).
 */
@Component
class Replicas {

    private final IdempotentConsumer consumer;
    private final ReplicaWriter replicas;
    private final UserReplica users;
    private final AppReplica apps;
    private final OrphanGuard orphans;
    private final Memberships memberships;

    Replicas(IdempotentConsumer consumer, ReplicaWriter replicas, UserReplica users, AppReplica apps, OrphanGuard orphans,
             Memberships memberships) {
        this.memberships = memberships;
        this.consumer = consumer;
        this.replicas = replicas;
        this.users = users;
        this.apps = apps;
        this.orphans = orphans;
    }

    @KafkaListener(id = "room-service.user-replica", topics = Topics.IDENTITY_USERS)
    void onUser(String json) {
        users.apply(json, userId -> {
            // the rooms only they organize are cancelled first (that reads their memberships), then they leave every room
            orphans.onUserDeleted(userId);
            memberships.userDeleted(userId);
        });
    }

    @KafkaListener(id = "room-service.app-replica", topics = Topics.IDENTITY_APPS)
    void onApp(String json) {
        apps.apply(json, orphans::onAppDeleted);
    }

    @KafkaListener(id = "room-service.prize-replica", topics = Topics.PRIZES)
    void onPrize(String json) {
        EventEnvelope<?> event = EventJson.readKnown(json).orElse(null);
        if (event != null && event.data() instanceof EventData.PrizeChanged changed) {
            Snapshots.Prize prize = changed.prize();
            boolean deleted = prize.deletedAt() != null || "PrizeDeleted".equals(event.type());
            consumer.applyOnce("prize-replica", event, () -> replicas.upsertIfNewer("replica_prizes", "prize_id",
                    prize.id(), event.aggregateVersion(), Map.of("room_id", prize.roomId(), "deleted", deleted)));
        }
    }
}
