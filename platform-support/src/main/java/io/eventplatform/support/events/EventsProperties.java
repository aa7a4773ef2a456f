package io.eventplatform.support.events;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event plumbing ({@code platform.events.*}); the defaults suit one instance on a small machine.
 *
 * @param source            the {@code source} of every event this service publishes (default: the application name)
 * @param relayInterval     how often the relay looks for unpublished outbox rows when nothing woke it up
 * @param relayBatchSize    outbox rows per publishing transaction
 * @param relayMaxBackoff   the longest pause between attempts while Kafka is unreachable
 * @param relayAutoStartup  whether the relay's thread starts with the service (not in a one-shot database command,
 *                          which publishes what it wrote on its own thread: {@link WaitingEvents})
 * @param publishedRetention how long published outbox rows are kept before purging
 * @param processedRetention how long processed event ids are remembered (duplicates older than this are still
 *                          harmless to replicas: the aggregate version guard ignores them)
 * @param purgeInterval     how often the purge runs
 * @param consumerRetries   attempts after the first failure before an event is parked on {@code <topic>.dlt}
 * @param consumerBackoff   the first pause between attempts (doubles each time)
 * @param topics            per topic: partitions and whether it is compacted (see docs/events.md)
 */
@ConfigurationProperties("platform.events")
public record EventsProperties(
        String source,
        @DefaultValue("250ms") Duration relayInterval,
        @DefaultValue("500") int relayBatchSize,
        @DefaultValue("5s") Duration relayMaxBackoff,
        @DefaultValue("true") boolean relayAutoStartup,
        @DefaultValue("1h") Duration publishedRetention,
        @DefaultValue("7d") Duration processedRetention,
        @DefaultValue("1m") Duration purgeInterval,
        @DefaultValue("3") int consumerRetries,
        @DefaultValue("200ms") Duration consumerBackoff,
        @DefaultValue Map<String, TopicSettings> topics) {

    /**
     * @param partitions  the topic's partition count (ordering holds per key, whatever the count)
     * @param compacted   keep the newest event per key forever (state topics) instead of deleting by age
     * @param retention   how long events are kept on a topic that is not compacted
     */
    public record TopicSettings(@DefaultValue("6") int partitions, @DefaultValue("false") boolean compacted,
                                @DefaultValue("7d") Duration retention) {
    }
}
