package io.eventplatform.prize.fund.web;

import io.eventplatform.prize.fund.Prize;
import io.eventplatform.prize.fund.PrizeWithWinners;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A prize as the API shows it: with the number of its live winners. */
record PrizeResponse(String id, String roomId, String name, @Nullable String description, @Nullable String imageUrl,
                     int quantity, int quantityRemaining, @Nullable JsonNode metadata, Instant createdAt, Instant updatedAt,
                     long winnerCount) {

    static PrizeResponse of(PrizeWithWinners shown) {
        Prize prize = shown.prize();
        return new PrizeResponse(prize.id(), prize.roomId(), prize.name(), prize.description(), prize.imageUrl(),
                prize.quantity(), prize.quantityRemaining(), prize.metadata(), prize.createdAt(), prize.updatedAt(),
                shown.winnerCount());
    }
}
