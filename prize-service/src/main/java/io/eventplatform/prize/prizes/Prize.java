package io.eventplatform.prize.prizes;

import io.eventplatform.contracts.events.Snapshots;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A prize of a room's fund: {@code quantity} units, {@code quantityRemaining} of them not yet awarded. */
record Prize(String id, String roomId, String name, @Nullable String description, @Nullable String imageUrl,
             int quantity, int quantityRemaining, @Nullable JsonNode metadata, long version, Instant createdAt,
             Instant updatedAt, @Nullable Instant deletedAt) {

    int awarded() {
        return quantity - quantityRemaining;
    }

    Snapshots.Prize snapshot() {
        return new Snapshots.Prize(id, roomId, name, description, imageUrl, quantity, quantityRemaining, metadata,
                createdAt, updatedAt, deletedAt);
    }

    /** As the REST API shows it: with the number of live winners. */
    record View(String id, String roomId, String name, @Nullable String description, @Nullable String imageUrl,
                int quantity, int quantityRemaining, @Nullable JsonNode metadata, Instant createdAt, Instant updatedAt,
                long winnerCount) {
    }

    View view(long winnerCount) {
        return new View(id, roomId, name, description, imageUrl, quantity, quantityRemaining, metadata, createdAt,
                updatedAt, winnerCount);
    }
}
