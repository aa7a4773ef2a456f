package io.eventplatform.process;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** Active only when a supervisor told the service its pid. */
@AutoConfiguration
@EnableConfigurationProperties(SupervisorProperties.class)
@ConditionalOnProperty("platform.supervisor.parent-pid")
public class SupervisorAutoConfiguration {

    @Bean
    SupervisorWatchdog supervisorWatchdog(SupervisorProperties properties, ConfigurableApplicationContext context) {
        return new SupervisorWatchdog(properties.parentPid(), properties.checkInterval(), context);
    }
}
