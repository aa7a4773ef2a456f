package io.eventplatform.testing;

/**
 * A Kafka broker a test owns and may take away and bring back (outage tests). Clients keep its address across
 * a stop and a start.
 */
public interface KafkaBroker {

    String bootstrapServers();

    /** Shuts the broker down; clients see it as unreachable. */
    void stop();

    /** Brings it back on the same address with the data it had. */
    void start();
}
