package io.eventplatform.contracts.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The state of each aggregate as events carry it: what a replica keeps and what a WebSocket client shows. Enum
 * values are lowercase, as on the REST API.
 */
public final class Snapshots {

    private Snapshots() {
    }

    /** Who someone is, as other resources embed them. */
    public record UserSummary(String id, @Nullable String name, @Nullable String avatar) {
    }

    public record User(String id, @Nullable String name, @Nullable String avatar, String platformRole,
                       boolean deleted, Instant createdAt, Instant updatedAt) {
    }

    public record App(String appId, String manifestVersion, JsonNode manifest, boolean isActive, boolean deleted,
                      Instant createdAt, Instant updatedAt) {
    }

    public record Room(String id, String name, @Nullable String description, String appId,
                       String appManifestVersion, JsonNode appSettings, String status, boolean isPublic,
                       String createdBy, Instant createdAt, Instant updatedAt, @Nullable Instant deletedAt) {
    }

    public record Participant(String id, String roomId, String userId, String role, @Nullable JsonNode metadata,
                              boolean active, @Nullable String removedBy, Instant joinedAt, Instant updatedAt,
                              @Nullable UserSummary user) {
    }

    public record Prize(String id, String roomId, String name, @Nullable String description,
                        @Nullable String imageUrl, int quantity, int quantityRemaining, @Nullable JsonNode metadata,
                        Instant createdAt, Instant updatedAt, @Nullable Instant deletedAt) {
    }

    public record PrizeSummary(String id, String name, @Nullable String imageUrl) {
    }

    public record WinnerParticipant(String id, boolean active, UserSummary user) {
    }

    public record Winner(String id, String roomId, String participantId, String prizeId, @Nullable String drawId,
                         @Nullable JsonNode metadata, Instant createdAt, @Nullable Instant deletedAt,
                         WinnerParticipant participant, PrizeSummary prize) {
    }

    /**
     * A completed draw. {@code excludePreviousWinners} and {@code winners} (the winner records, in draw order) were
     * added in a compatible way: events written before them carry neither.
     */
    public record Draw(String id, String roomId, String prizeId, String requestedBy, int requested,
                       String algorithm, @Nullable String seed, @Nullable String seedHash, int eligibleCount,
                       String eligibleDigest, List<String> winnerIds, boolean delegatedToApp,
                       @Nullable String fallbackReason, Instant createdAt, @Nullable Boolean excludePreviousWinners,
                       @Nullable List<Winner> winners) {
    }
}
