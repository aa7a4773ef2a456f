package io.eventplatform.prize.winner;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.support.events.Outbox;
import org.springframework.stereotype.Component;

/** Winners on prizes.winners.v1, through the outbox, keyed by room id. */
@Component
class WinnerEvents {

    private static final String SOURCE = "prize-service";

    private final Outbox outbox;

    WinnerEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void winner(EventType type, Winners.Row row) {
        outbox.publish(EventEnvelope.of(type, SOURCE, row.winner().id(), row.version(), row.winner().roomId(),
                new EventData.WinnerChanged(row.winner().snapshot())));
    }
}
