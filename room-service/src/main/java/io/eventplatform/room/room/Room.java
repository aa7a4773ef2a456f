package io.eventplatform.room.room;

import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.contracts.rooms.RoomStatus;
import io.eventplatform.support.body.Patch;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A room: the aggregate that owns its rules. Changes go through {@link #apply}, which moves the status only along
 * the machine of {@link RoomStatus} and reports exactly what changed (for the events and the version).
 */
public record Room(String id, String name, @Nullable String description, String appId, JsonNode appSettings,
            String appManifestVersion, RoomStatus status, boolean isPublic, String createdBy, long version,
            Instant createdAt, Instant updatedAt, @Nullable Instant deletedAt) {

    public static final int NAME_MAX = 200;
    public static final int DESCRIPTION_MAX = 5000;

    /**
     * What a PATCH asks for: absent properties stay as they are; a cleared description is removed, cleared settings
     * are {@code {}}; name and status cannot be cleared (the request refuses that) and a cleared visibility is no change.
     */
    public record Update(Patch<String> name, Patch<String> description, Patch<? extends JsonNode> appSettings,
                         Patch<Boolean> isPublic, Patch<RoomStatus> status) {

        /** Only a status move. */
        public static Update toStatus(RoomStatus target) {
            return new Update(Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent(), Patch.of(target));
        }
    }

    /** The room after an update, the changed fields with their new values (wire names), and the old status if it moved. */
    record Changed(Room room, Map<String, Object> changes, @Nullable RoomStatus oldStatus) {
        boolean any() {
            return !changes.isEmpty();
        }
    }

    Changed apply(Update update) {
        Map<String, Object> changes = new LinkedHashMap<>();
        String newName = Objects.requireNonNull(update.name().orElse(name));
        if (!newName.equals(name)) {
            changes.put("name", newName);
        }
        String newDescription = update.description().isPresent() ? update.description().value() : description;
        if (!Objects.equals(newDescription, description)) {
            changes.put("description", newDescription);
        }
        JsonNode newSettings = !update.appSettings().isPresent() ? appSettings
                : update.appSettings().hasValue() ? update.appSettings().value() : JsonNodeFactory.instance.objectNode();
        if (!newSettings.equals(appSettings)) {
            changes.put("appSettings", newSettings);
        }
        boolean newPublic = Objects.requireNonNull(update.isPublic().orElse(isPublic));
        if (newPublic != isPublic) {
            changes.put("isPublic", newPublic);
        }
        RoomStatus newStatus = status;
        RoomStatus target = update.status().value();
        if (target != null && target != status) {
            newStatus = StatusMoves.move(status, target);
            changes.put("status", newStatus.wire());
        }
        Room next = new Room(id, newName, newDescription, appId, newSettings, appManifestVersion, newStatus, newPublic,
                createdBy, version, createdAt, updatedAt, deletedAt);
        return new Changed(next, changes, newStatus != status ? status : null);
    }

    /** Whether the room's status may move to {@code target} (the machine of {@link StatusMoves}). */
    boolean canMoveTo(RoomStatus target) {
        return StatusMoves.allowed(status, target);
    }

    /** Locked to another manifest version of its app (the settings were checked against it). */
    Changed lockTo(String manifestVersion) {
        Room next = new Room(id, name, description, appId, appSettings, manifestVersion, status, isPublic, createdBy,
                version, createdAt, updatedAt, deletedAt);
        return new Changed(next, manifestVersion.equals(appManifestVersion) ? Map.of()
                : Map.of("appManifestVersion", manifestVersion), null);
    }

    Snapshots.Room snapshot() {
        return new Snapshots.Room(id, name, description, appId, appManifestVersion, appSettings, status.wire(), isPublic,
                createdBy, createdAt, updatedAt, deletedAt);
    }
}
