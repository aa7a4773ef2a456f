package io.eventplatform.identity.app;

import io.eventplatform.contracts.events.Snapshots;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A registered application: its public id, current manifest (and history), and whether it may act. */
public record App(String id, String appId, String secretHash, JsonNode manifest, String manifestVersion,
                  JsonNode manifestHistory, boolean active, long version, Instant createdAt, Instant updatedAt,
                  @Nullable Instant deletedAt) {

    Snapshots.App snapshot() {
        return new Snapshots.App(appId, manifestVersion, manifest, active, deletedAt != null, createdAt, updatedAt);
    }

    @Override
    public String toString() {
        return "App[" + appId + " " + manifestVersion + "]";
    }
}
