package io.eventplatform.room.room;

import io.eventplatform.contracts.events.Snapshots;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A room: the aggregate that owns its rules. Changes go through {@link #apply}, which moves the status only along
 * the machine of {@link RoomStatus} and reports exactly what changed (for the events and the version).
 */
public record Room(String id, String name, @Nullable String description, String appId, JsonNode appSettings,
            String appManifestVersion, RoomStatus status, boolean isPublic, String createdBy, long version,
            Instant createdAt, Instant updatedAt, @Nullable Instant deletedAt) {

    /** What a PATCH asks for; null fields stay as they are ({@code clearDescription} sets the description to null). */
    record Update(@Nullable String name, @Nullable String description, boolean clearDescription,
                  @Nullable JsonNode appSettings, @Nullable Boolean isPublic, @Nullable RoomStatus status) {
    }

    /** The room after an update, the changed fields with their new values (wire names), and the old status if it moved. */
    record Changed(Room room, Map<String, Object> changes, @Nullable RoomStatus oldStatus) {
        boolean any() {
            return !changes.isEmpty();
        }
    }

    Changed apply(Update update) {
        Map<String, Object> changes = new LinkedHashMap<>();
        String newName = update.name() != null ? update.name() : name;
        if (!newName.equals(name)) {
            changes.put("name", newName);
        }
        String newDescription = update.clearDescription() ? null : update.description() != null ? update.description() : description;
        if (!Objects.equals(newDescription, description)) {
            changes.put("description", newDescription);
        }
        JsonNode newSettings = update.appSettings() != null ? update.appSettings() : appSettings;
        if (!newSettings.equals(appSettings)) {
            changes.put("appSettings", newSettings);
        }
        boolean newPublic = update.isPublic() != null ? update.isPublic() : isPublic;
        if (newPublic != isPublic) {
            changes.put("isPublic", newPublic);
        }
        RoomStatus newStatus = status;
        if (update.status() != null && update.status() != status) {
            newStatus = status.moveTo(update.status());
            changes.put("status", newStatus.wire());
        }
        Room next = new Room(id, newName, newDescription, appId, newSettings, appManifestVersion, newStatus, newPublic,
                createdBy, version, createdAt, updatedAt, deletedAt);
        return new Changed(next, changes, newStatus != status ? status : null);
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
