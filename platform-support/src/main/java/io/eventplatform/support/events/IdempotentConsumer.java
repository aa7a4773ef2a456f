package io.eventplatform.support.events;

import io.eventplatform.contracts.events.EventEnvelope;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies an event's effect at most once per consumer: the event id is recorded in {@code processed_events} in
 * the same transaction as the effect, so a redelivered event (a relay retry, a consumer rebalance) finds its id
 * and changes nothing, and a failed effect leaves no record behind.
 */
public final class IdempotentConsumer {

    /**
     * One DEBUG line per applied event (consumer, type, id), with the request id and trace id it came with; a name
     * an environment variable can switch on ({@code LOGGING_LEVEL_IO_EVENTPLATFORM_CONSUMED=DEBUG}).
     */
    private static final Logger log = LoggerFactory.getLogger("io.eventplatform.consumed");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    IdempotentConsumer(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * @param consumer a stable name of the consuming feature (two features may each process the same event once)
     * @return whether the effect ran (false: this consumer had processed the event before)
     */
    public boolean applyOnce(String consumer, EventEnvelope<?> event, Runnable effect) {
        Boolean applied = transactions.execute(status -> {
            if (!record(consumer, event)) {
                return false;
            }
            effect.run();
            log.debug("{} applied {} {}", consumer, event.type(), event.id());
            return true;
        });
        return Boolean.TRUE.equals(applied);
    }

    /**
     * {@link #applyOnce} for a batch of events in one transaction (one commit, so one disk flush, for the whole
     * poll instead of one per event): each event's effect runs at most once, in the given order, and either all
     * of them are recorded or none.
     *
     * @return how many effects ran
     */
    public int applyEachOnce(String consumer, List<? extends EventEnvelope<?>> events, Consumer<EventEnvelope<?>> effect) {
        if (events.isEmpty()) {
            return 0;
        }
        Integer applied = transactions.execute(status -> {
            int count = 0;
            for (EventEnvelope<?> event : events) {
                if (record(consumer, event)) {
                    effect.accept(event);
                    log.debug("{} applied {} {}", consumer, event.type(), event.id());
                    count++;
                }
            }
            return count;
        });
        return applied == null ? 0 : applied;
    }

    /** Records that {@code consumer} processed {@code event}; false if it had before. */
    private boolean record(String consumer, EventEnvelope<?> event) {
        return jdbc.update("""
                INSERT INTO processed_events (consumer, event_id) VALUES (?, ?)
                ON CONFLICT (consumer, event_id) DO NOTHING""", consumer, event.id()) == 1;
    }
}
