package io.eventplatform.support.events;

/** The events in the outbox that are not on Kafka yet. */
public interface WaitingEvents {

    /**
     * Returns once no event waits in the outbox: publishes them in order on the caller's thread (or lets another
     * instance's relay, if one is at work, finish its batch). For a one-shot command that writes events and exits
     * without the relay's thread (a reset's demo data).
     *
     * @throws IllegalStateException when Kafka does not acknowledge them (they stay in the outbox)
     */
    void publishAll();
}
