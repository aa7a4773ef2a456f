package io.eventplatform.prize.fund;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.support.body.Patch;
import io.eventplatform.support.web.ApiException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /** What a PATCH asks for: absent properties stay; description, image and metadata may be cleared, name and quantity not. */
    public record Change(Patch<String> name, Patch<String> description, Patch<String> imageUrl, Patch<Integer> quantity,
                         Patch<? extends JsonNode> metadata) {
    }

    /** The prize after a change, and the changed fields with their new values (wire names; empty: nothing changed). */
    record Changed(Prize prize, Map<String, Object> changes) {
    }

    public int awarded() {
        return quantity - quantityRemaining;
    }

    /** Applies a change; the quantity as {@link #resize} allows. */
    Changed apply(Change change) {
        Prize resized = resize(Objects.requireNonNull(change.quantity().orElse(quantity)));
        Prize next = new Prize(id, roomId, Objects.requireNonNull(change.name().orElse(name)),
                change.description().isPresent() ? change.description().value() : description,
                change.imageUrl().isPresent() ? change.imageUrl().value() : imageUrl, resized.quantity,
                resized.quantityRemaining, change.metadata().isPresent() ? change.metadata().value() : metadata, version,
                createdAt, updatedAt, deletedAt);
        Map<String, Object> changes = new LinkedHashMap<>();
        if (!name.equals(next.name)) {
            changes.put("name", next.name);
        }
        if (!Objects.equals(description, next.description)) {
            changes.put("description", next.description);
        }
        if (!Objects.equals(imageUrl, next.imageUrl)) {
            changes.put("imageUrl", next.imageUrl);
        }
        if (quantity != next.quantity) {
            changes.put("quantity", next.quantity);
            changes.put("quantityRemaining", next.quantityRemaining);
        }
        if (!Objects.equals(metadata, next.metadata)) {
            changes.put("metadata", next.metadata);
        }
        return new Changed(next, changes);
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
