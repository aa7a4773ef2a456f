package io.eventplatform.room.rooms;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One room as {@code GET /rooms/{id}} shows it: with its app, its counts, and the caller's role (null: not a member). */
record RoomDetail(String id, String name, @Nullable String description, String appId, JsonNode appSettings,
                  String appManifestVersion, String status, boolean isPublic, String createdBy, Instant createdAt,
                  Instant updatedAt, AppSummary app, long participantCount, long prizeCount, @Nullable String myRole) {

    record AppSummary(String appId, @Nullable String name, String version, @Nullable String baseUrl) {
    }
}
