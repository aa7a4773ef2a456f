package io.eventplatform.support.events;

import io.eventplatform.contracts.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics every service makes sure exist at start (creating what is missing, never shrinking what is there).
 *
 * <p>Topics whose key is the aggregate and whose every event carries the aggregate's full state are compacted:
 * the newest event per key is kept forever, so a new replica can always be rebuilt from the start of the topic.
 * Participants and prizes are replicated state too (prize-service's participant replica, room-service's prize
 * counts) but are keyed by room, so compaction would drop all but one per room: they are kept without a time limit.
 * Winners, app events and the revocations are kept by time (7 days by default: more than the longest token
 * lifetime; nothing is rebuilt from them).
 */
final class EventTopics {

    static final Set<String> COMPACTED = Set.of(Topics.IDENTITY_USERS, Topics.IDENTITY_APPS, Topics.ROOMS);
    static final Set<String> KEPT_FOREVER = Set.of(Topics.ROOM_PARTICIPANTS, Topics.PRIZES);
    /** Kafka's {@code retention.ms} for "no time limit". */
    static final Duration FOREVER = Duration.ofMillis(-1);

    private EventTopics() {
    }

    static List<NewTopic> all(EventsProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            EventsProperties.TopicSettings settings = settings(properties.topics(), topic);
            TopicBuilder builder = TopicBuilder.name(topic).partitions(settings.partitions()).replicas(1);
            if (settings.compacted()) {
                builder.compact();
            } else {
                builder.config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(settings.retention().toMillis()));
            }
            topics.add(builder.build());
            topics.add(TopicBuilder.name(Topics.deadLetter(topic)).partitions(settings.partitions()).replicas(1)
                    .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(30).toMillis()))
                    .build());
        }
        return topics;
    }

    static EventsProperties.TopicSettings settings(Map<String, EventsProperties.TopicSettings> configured, String topic) {
        EventsProperties.TopicSettings settings = configured.get(topic);
        return settings != null ? settings
                : new EventsProperties.TopicSettings(6, COMPACTED.contains(topic),
                        KEPT_FOREVER.contains(topic) ? FOREVER : Duration.ofDays(7));
    }
}
