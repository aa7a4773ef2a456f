package io.eventplatform.prize.fund;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.support.events.Outbox;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Prizes on prizes.prizes.v1, through the outbox, keyed by room id. */
@Component
class FundEvents {

    private static final String SOURCE = "prize-service";

    private final Outbox outbox;

    FundEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void prize(EventType type, Prize prize, @Nullable Map<String, Object> changes) {
        outbox.publish(EventEnvelope.of(type, SOURCE, prize.id(), prize.version(), prize.roomId(),
                new EventData.PrizeChanged(prize.snapshot(), changes)));
    }
}
