package io.eventplatform.prize.prizes;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.support.events.Outbox;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Prizes, winners and draws on prizes.prizes.v1 / prizes.winners.v1, through the outbox, keyed by room id. */
@Component
class PrizeEvents {

    private static final String SOURCE = "prize-service";

    private final Outbox outbox;

    PrizeEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void prize(EventType type, Prize prize, @Nullable Map<String, Object> changes) {
        outbox.publish(EventEnvelope.of(type, SOURCE, prize.id(), prize.version(), prize.roomId(),
                new EventData.PrizeChanged(prize.snapshot(), changes)));
    }

    void winner(EventType type, Winners.Row row) {
        outbox.publish(EventEnvelope.of(type, SOURCE, row.winner().id(), row.version(), row.winner().roomId(),
                new EventData.WinnerChanged(row.winner())));
    }

    void draw(Snapshots.Draw draw) {
        outbox.publish(EventEnvelope.of(EventType.DRAW_COMPLETED, SOURCE, draw.id(), 1, draw.roomId(),
                new EventData.DrawCompleted(draw)));
    }
}
