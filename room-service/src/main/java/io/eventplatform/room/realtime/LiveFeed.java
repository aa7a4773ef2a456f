package io.eventplatform.room.realtime;

import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventJson;
import io.eventplatform.contracts.events.Topics;
import io.eventplatform.topics.EveryPartitionReader;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Every room event, read by each instance on its own from the end of the topics (no consumer group shared with
 * other instances, nothing committed), rendered once and handed to the {@link Hub}, which pushes it to this
 * instance's connections. Reported as {@code liveFeed} in health, part of readiness: not ready until it stands at
 * the end.
 */
@Component("liveFeedHealthIndicator")
final class LiveFeed extends EveryPartitionReader {

    static final List<String> TOPICS = List.of(Topics.ROOMS, Topics.ROOM_PARTICIPANTS, Topics.ROOM_APP_EVENTS,
            Topics.PRIZES, Topics.PRIZE_WINNERS);

    private final LiveEvents events;
    private final Hub hub;

    LiveFeed(KafkaProperties kafka, LiveEvents events, Hub hub) {
        super("live-feed", TOPICS, Start.END, kafka.buildConsumerProperties(), kafka.getListener().isAutoStartup());
        this.events = events;
        this.hub = hub;
    }

    @Override
    protected void apply(ConsumerRecord<String, String> record) {
        EventEnvelope<?> event = EventJson.readKnown(record.value()).orElse(null);
        if (event != null) {
            events.render(event).ifPresent(hub::publish);
        }
    }
}
