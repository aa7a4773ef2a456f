package io.eventplatform.support.db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import io.eventplatform.support.seed.ReplicaWait;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * After a reset, a service's replicas are empty while its consumer group has long read past the events that filled
 * them. This reads every topic the service listens to once more from its beginning, through the service's own
 * listeners (so every rule of applying an event holds), under a consumer group of its own, until it has reached the
 * end of each topic as it was when the rebuild began.
 */
final class ReplicaRebuild {

    private static final Duration LIMIT = Duration.ofMinutes(2);

    private ReplicaRebuild() {
    }

    static int run(KafkaListenerEndpointRegistry registry, ConsumerFactory<Object, Object> consumers, String service) {
        String group = service + "-reset-" + UUID.randomUUID();
        List<KafkaMessageListenerContainer<Object, Object>> started = new ArrayList<>();
        Set<String> topics = new java.util.TreeSet<>();
        try (Admin admin = Admin.create(adminProperties(consumers))) {
            for (MessageListenerContainer original : registry.getListenerContainers()) {
                ContainerProperties properties = original.getContainerProperties();
                if (properties.getTopics() == null) {
                    continue;
                }
                ContainerProperties copy = new ContainerProperties(properties.getTopics());
                copy.setGroupId(group);
                copy.setMessageListener(properties.getMessageListener());
                copy.getKafkaConsumerProperties().setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
                KafkaMessageListenerContainer<Object, Object> rebuild = new KafkaMessageListenerContainer<>(consumers, copy);
                rebuild.setBeanName("rebuild-" + String.join("-", properties.getTopics()));
                rebuild.start();
                started.add(rebuild);
                topics.addAll(List.of(properties.getTopics()));
            }
            if (topics.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, Long> ends = ends(admin, topics);
            ReplicaWait.until(LIMIT, () -> caughtUp(admin, group, ends) ? Optional.of(true) : Optional.empty(),
                    () -> "the replicas of " + service + " rebuilt from " + topics);
            return topics.size();
        } finally {
            started.forEach(KafkaMessageListenerContainer::stop);
        }
    }

    private static Map<TopicPartition, Long> ends(Admin admin, Set<String> topics) {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) ->
                    description.partitions().forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()),
                            OffsetSpec.latest())));
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the ends of " + topics + ": " + e.getMessage(), e);
        }
    }

    private static boolean caughtUp(Admin admin, String group, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        } catch (Exception notYet) {
            return false;
        }
        return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue()));
    }

    private static Map<String, Object> adminProperties(ConsumerFactory<Object, Object> consumers) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("bootstrap.servers", consumers.getConfigurationProperties().get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
        return properties;
    }
}
