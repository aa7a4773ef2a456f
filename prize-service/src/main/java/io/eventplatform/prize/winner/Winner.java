package io.eventplatform.prize.winner;

import io.eventplatform.contracts.events.Snapshots;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A winner: a participant holding one unit of a prize, chosen by hand or by a draw ({@code drawId}). Read with the
 * participant as the replica knows them (still active? their name and avatar) and the prize's name and image.
 */
public record Winner(String id, String roomId, String participantId, String prizeId, @Nullable String drawId,
                     @Nullable JsonNode metadata, Instant createdAt, @Nullable Instant deletedAt, Holder participant,
                     PrizeShown prize) {

    /** The participant who holds the unit; {@code userId} empty when the replica does not know them. */
    public record Holder(String id, boolean active, String userId, @Nullable String name, @Nullable String avatar) {
    }

    /** The prize held, as it is named and pictured now. */
    public record PrizeShown(String id, String name, @Nullable String imageUrl) {
    }

    public Snapshots.Winner snapshot() {
        return new Snapshots.Winner(id, roomId, participantId, prizeId, drawId, metadata, createdAt, deletedAt,
                new Snapshots.WinnerParticipant(participant.id(), participant.active(),
                        new Snapshots.UserSummary(participant.userId(), participant.name(), participant.avatar())),
                new Snapshots.PrizeSummary(prize.id(), prize.name(), prize.imageUrl()));
    }
}
