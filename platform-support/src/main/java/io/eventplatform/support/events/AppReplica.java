package io.eventplatform.support.events;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventJson;
import io.eventplatform.contracts.events.Snapshots;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A service's copy of the apps (tables {@code replica_apps}: app_id, current_version, is_active, deleted,
 * aggregate_version, updated_at; {@code replica_app_manifests}: app_id, version, manifest — every version an app
 * ever published, since rooms stay locked to the version they were created with), fed by {@code identity.apps.v1}.
 * The service's listener hands each record to {@link #apply}; each event is applied once and never over newer state,
 * and a manifest version, once known, stays whatever order the events come in.
 */
public final class AppReplica {

    private final IdempotentConsumer consumer;
    private final ReplicaWriter replicas;
    private final JdbcTemplate jdbc;

    AppReplica(IdempotentConsumer consumer, ReplicaWriter replicas, JdbcTemplate jdbc) {
        this.consumer = consumer;
        this.replicas = replicas;
        this.jdbc = jdbc;
    }

    /**
     * @param onDeleted called with the app id, in the same transaction, when this event is the one that marks the
     *                  app deleted (for the service's own cascade)
     */
    public void apply(String json, Consumer<String> onDeleted) {
        EventEnvelope<?> event = EventJson.readKnown(json).orElse(null);
        if (event == null || !(event.data() instanceof EventData.AppChanged changed)) {
            return;
        }
        Snapshots.App app = changed.app();
        consumer.applyOnce("app-replica", event, () -> {
            boolean newer = replicas.upsertIfNewer("replica_apps", "app_id", app.appId(), event.aggregateVersion(), Map.of(
                    "current_version", app.manifestVersion(), "is_active", app.isActive(), "deleted", app.deleted()));
            if (newer && app.deleted()) {
                onDeleted.accept(app.appId());
            }
            jdbc.update("""
                    INSERT INTO replica_app_manifests (app_id, version, manifest) VALUES (?, ?, ?::jsonb)
                    ON CONFLICT (app_id, version) DO NOTHING""", app.appId(), app.manifestVersion(), app.manifest().toString());
        });
    }
}
