package io.eventplatform.room.room.web;

import io.eventplatform.room.room.Room;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A room's own fields as the API shows them; the part every room response starts with. */
record RoomResponse(String id, String name, @Nullable String description, String appId, JsonNode appSettings,
                    String appManifestVersion, String status, boolean isPublic, String createdBy, Instant createdAt,
                    Instant updatedAt) {

    static RoomResponse of(Room room) {
        return new RoomResponse(room.id(), room.name(), room.description(), room.appId(), room.appSettings(),
                room.appManifestVersion(), room.status().wire(), room.isPublic(), room.createdBy(), room.createdAt(),
                room.updatedAt());
    }
}
