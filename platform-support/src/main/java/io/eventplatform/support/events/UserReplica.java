package io.eventplatform.support.events;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventJson;
import io.eventplatform.contracts.events.Snapshots;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A service's copy of users (table {@code replica_users}: id, name, avatar, deleted, aggregate_version,
 * updated_at), fed by {@code identity.users.v1}. The service's listener hands each record to {@link #apply}; each
 * event is applied once and never over newer state.
 */
public final class UserReplica {

    private final IdempotentConsumer consumer;
    private final ReplicaWriter replicas;

    UserReplica(IdempotentConsumer consumer, ReplicaWriter replicas) {
        this.consumer = consumer;
        this.replicas = replicas;
    }

    /**
     * @param onDeleted called with the user id, in the same transaction, when this event is the one that marks the
     *                  user deleted (for the service's own cascade)
     */
    public void apply(String json, Consumer<String> onDeleted) {
        EventEnvelope<?> event = EventJson.readKnown(json).orElse(null);
        if (event == null || !(event.data() instanceof EventData.UserChanged changed)) {
            return;
        }
        Snapshots.User user = changed.user();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", user.name());
        values.put("avatar", user.avatar());
        values.put("deleted", user.deleted());
        consumer.applyOnce("user-replica", event, () -> {
            boolean newer = replicas.upsertIfNewer("replica_users", "id", user.id(), event.aggregateVersion(), values);
            if (newer && user.deleted()) {
                onDeleted.accept(user.id());
            }
        });
    }
}
