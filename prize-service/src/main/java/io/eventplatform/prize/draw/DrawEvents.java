package io.eventplatform.prize.draw;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.support.events.Outbox;
import org.springframework.stereotype.Component;

/** Completed draws on prizes.winners.v1, through the outbox, keyed by room id. */
@Component
class DrawEvents {

    private static final String SOURCE = "prize-service";

    private final Outbox outbox;

    DrawEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The draw with its winners, in draw order, as {@code GET /draws/{id}} shows them. */
    void completed(Draw.WithWinners shown) {
        Draw draw = shown.draw();
        outbox.publish(EventEnvelope.of(EventType.DRAW_COMPLETED, SOURCE, draw.id(), 1, draw.roomId(),
                new EventData.DrawCompleted(draw.snapshot(shown.winners()))));
    }
}
