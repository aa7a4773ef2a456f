package io.eventplatform.support.seed;

import io.eventplatform.support.events.WaitingEvents;
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
 * what they return, publishes the events they wrote ({@link WaitingEvents}: a seed runs no relay thread, see
 * DatabaseCommandEnvironment), and exits.
 */
@AutoConfiguration
@ConditionalOnProperty("platform.seed")
public class SeedAutoConfiguration {

    @Bean
    ApplicationRunner seedCommand(ObjectProvider<DemoDataLoader> loaders, ObjectProvider<WaitingEvents> outbox,
                                  ConfigurableApplicationContext context) {
        return args -> {
            List<DemoDataLoader> all = loaders.orderedStream().toList();
            for (DemoDataLoader loader : all) {
                loader.load().forEach(System.out::println);
            }
            outbox.ifAvailable(WaitingEvents::publishAll);
            new Thread(() -> System.exit(SpringApplication.exit(context, () -> 0)), "seed-exit").start();
        };
    }
}
