package io.eventplatform.support.seed;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * {@code java -jar <service>-exec.jar --platform.seed=true}: runs the service's {@link DemoDataLoader}s, prints
 * what they return, waits until their events are out (closing the context lets the outbox relay publish its last
 * batch), and exits.
 */
@AutoConfiguration
@ConditionalOnProperty("platform.seed")
public class SeedAutoConfiguration {

    @Bean
    ApplicationRunner seedCommand(ObjectProvider<DemoDataLoader> loaders, ConfigurableApplicationContext context) {
        return args -> {
            List<DemoDataLoader> all = loaders.orderedStream().toList();
            for (DemoDataLoader loader : all) {
                loader.load().forEach(System.out::println);
            }
            new Thread(() -> System.exit(SpringApplication.exit(context, () -> 0)), "seed-exit").start();
        };
    }
}
