package io.eventplatform.prize.winner.web;

import io.eventplatform.prize.winner.Winner;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A winner as the API shows it (docs/api.md "Prizes, winners and draws"); draws list their winners the same way. */
public record WinnerResponse(String id, String roomId, String participantId, String prizeId, @Nullable String drawId,
                             @Nullable JsonNode metadata, Instant createdAt, @Nullable Instant deletedAt,
                             Participant participant, Winner.PrizeShown prize) {

    /** The participant, and their user as the platform shows users. */
    public record Participant(String id, boolean active, User user) {
    }

    public record User(String id, @Nullable String name, @Nullable String avatar) {
    }

    public static WinnerResponse of(Winner winner) {
        Winner.Holder holder = winner.participant();
        return new WinnerResponse(winner.id(), winner.roomId(), winner.participantId(), winner.prizeId(), winner.drawId(),
                winner.metadata(), winner.createdAt(), winner.deletedAt(),
                new Participant(holder.id(), holder.active(), new User(holder.userId(), holder.name(), holder.avatar())),
                winner.prize());
    }
}
