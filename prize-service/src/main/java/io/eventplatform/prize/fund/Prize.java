package io.eventplatform.prize.fund;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.support.web.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A prize of a room's fund: {@code quantity} units, {@code quantityRemaining} of them not yet awarded. Units are
 * taken and given back in the database under the prize's row lock (see {@code Prizes}); the quantity itself changes
 * only through {@link #resize}.
 */
public record Prize(String id, String roomId, String name, @Nullable String description, @Nullable String imageUrl,
             int quantity, int quantityRemaining, @Nullable JsonNode metadata, long version, Instant createdAt,
             Instant updatedAt, @Nullable Instant deletedAt) {

    public int awarded() {
        return quantity - quantityRemaining;
    }

    /** The prize with {@code newQuantity} units, never fewer than those already awarded; the remaining units follow. */
    Prize resize(int newQuantity) {
        if (newQuantity < awarded()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "The request has invalid values", Map.of("fields",
                    Map.of("quantity", List.of("must be at least " + awarded() + ", the units already awarded"))));
        }
        return new Prize(id, roomId, name, description, imageUrl, newQuantity, newQuantity - awarded(), metadata, version,
                createdAt, updatedAt, deletedAt);
    }

    Snapshots.Prize snapshot() {
        return new Snapshots.Prize(id, roomId, name, description, imageUrl, quantity, quantityRemaining, metadata,
                createdAt, updatedAt, deletedAt);
    }
}
