package io.eventplatform.room.rooms;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A room as lists show it. */
record RoomView(String id, String name, @Nullable String description, String appId, JsonNode appSettings,
                String appManifestVersion, String status, boolean isPublic, String createdBy, Instant createdAt,
                Instant updatedAt, long participantCount, long prizeCount) {

    static RoomView of(Room room, long participantCount, long prizeCount) {
        return new RoomView(room.id(), room.name(), room.description(), room.appId(), room.appSettings(),
                room.appManifestVersion(), room.status().wire(), room.isPublic(), room.createdBy(), room.createdAt(),
                room.updatedAt(), participantCount, prizeCount);
    }
}
