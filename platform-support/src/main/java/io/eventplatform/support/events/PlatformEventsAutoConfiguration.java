package io.eventplatform.support.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import javax.sql.DataSource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event plumbing of a domain service: transactional outbox and its relay, idempotent consumers, version-guarded
 * replicas, retries with a dead-letter topic, and the topics themselves. Settings: {@link EventsProperties}.
 */
@AutoConfiguration(
        beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"})
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties({EventsProperties.class, KafkaProperties.class})
public class PlatformEventsAutoConfiguration {

    /** The one producer of the service: String keys and JSON values, idempotent, acks from all replicas. */
    @Bean
    KafkaTemplate<String, String> kafkaTemplate(KafkaProperties kafka) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(),
                new StringSerializer(), new StringSerializer()));
    }

    @Bean
    @ConditionalOnProperty(name = "platform.events.relay.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                            KafkaTemplate<String, String> kafka, EventsProperties properties,
                            ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(jdbc, new TransactionTemplate(transactions), kafka, properties, meters.getIfAvailable());
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc, ObjectProvider<OutboxRelay> relay, ObjectProvider<Tracer> tracer,
                  ObjectProvider<Propagator> propagator) {
        return new Outbox(jdbc, new EventHeaders(tracer.getIfAvailable(), propagator.getIfAvailable()),
                () -> relay.ifAvailable(OutboxRelay::wakeUp));
    }

    @Bean
    IdempotentConsumer idempotentConsumer(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new IdempotentConsumer(jdbc, new TransactionTemplate(transactions));
    }

    @Bean
    ReplicaWriter replicaWriter(JdbcTemplate jdbc) {
        return new ReplicaWriter(jdbc);
    }

    @Bean
    UserReplica userReplica(IdempotentConsumer consumer, ReplicaWriter replicas) {
        return new UserReplica(consumer, replicas);
    }

    @Bean
    AppReplica appReplica(IdempotentConsumer consumer, ReplicaWriter replicas, JdbcTemplate jdbc) {
        return new AppReplica(consumer, replicas, jdbc);
    }

    @Bean
    DeadLetters deadLetters(KafkaTemplate<String, String> kafka, KafkaProperties kafkaProperties,
                            EventsProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new DeadLetters(kafka, kafkaProperties.buildConsumerProperties(), properties.source(), meters.getIfAvailable());
    }

    @Bean
    DefaultErrorHandler platformEventErrorHandler(DeadLetters deadLetters, EventsProperties properties) {
        return deadLetters.errorHandler(properties);
    }

    @Bean
    RequestIdRecordInterceptor requestIdRecordInterceptor() {
        return new RequestIdRecordInterceptor();
    }

    /**
     * A batch listener is not observed record by record, so Spring Kafka times it with its own timer, named like the
     * observations' timers of the record listeners but with other tag keys; Prometheus takes one set of tag keys per
     * name, so the record listeners' timers registered after it went unexported. Batch listeners go untimed instead
     * (their consumers' lag and fetch metrics remain).
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> batchListenersUntimed() {
        return container -> {
            if (container.getContainerProperties().getMessageListener() instanceof BatchMessageListener<?, ?>) {
                container.getContainerProperties().setMicrometerEnabled(false);
            }
        };
    }

    @Bean
    DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters) {
        return new DeadLettersEndpoint(deadLetters);
    }

    @Bean
    KafkaAdmin.NewTopics platformTopics(EventsProperties properties) {
        return new KafkaAdmin.NewTopics(EventTopics.all(properties).toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }
}
