package io.eventplatform.support.events;

import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventJson;
import io.eventplatform.contracts.events.EventType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records an event in the same database transaction as the state change it describes; the relay publishes it
 * to Kafka after the commit. If the transaction rolls back, the event never existed.
 *
 * <p>The topic follows from the event type; the key is the room id for room-scoped events and the aggregate id
 * otherwise (docs/events.md), so all events of one room (or user, or app) stay in order.
 */
public final class Outbox {

    private final JdbcTemplate jdbc;
    private final EventHeaders headers;
    private final Runnable wakeRelay;

    Outbox(JdbcTemplate jdbc, EventHeaders headers, Runnable wakeRelay) {
        this.jdbc = jdbc;
        this.headers = headers;
        this.wakeRelay = wakeRelay;
    }

    /** @throws IllegalStateException when called outside a transaction: the event would not be atomic with its change */
    public void publish(EventEnvelope<?> event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish must run inside the transaction of the state change");
        }
        EventType type = event.knownType()
                .orElseThrow(() -> new IllegalArgumentException("Unknown event type " + event.type()));
        String key = event.roomId() != null ? event.roomId() : event.aggregateId();
        String headers = EventJson.mapper().writeValueAsString(this.headers.ofCurrentRequest());
        jdbc.update("""
                INSERT INTO outbox_events (event_id, topic, message_key, event_type, payload, headers)
                VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb)""",
                event.id(), type.topic(), key, event.type(), EventJson.write(event), headers);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeRelay.run();
            }
        });
    }
}
