package io.eventplatform.security;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

/**
 * The revocation set and its feed from Kafka, in every service whatever its web stack; its health component
 * {@code revocations} is part of readiness (platform-defaults.properties).
 */
@AutoConfiguration
@EnableConfigurationProperties({SecurityProperties.class, KafkaProperties.class})
public class RevocationAutoConfiguration {

    @Bean
    RevocationSet revocationSet(SecurityProperties properties) {
        return new RevocationSet(properties.maxTokenLifetime(), Clock.systemUTC());
    }

    /** The bean name gives the health component its name: {@code revocations}. */
    @Bean
    RevocationListener revocationsHealthIndicator(RevocationSet revocations, KafkaProperties kafka) {
        return new RevocationListener(revocations, kafka.buildConsumerProperties(), kafka.getListener().isAutoStartup());
    }
}
