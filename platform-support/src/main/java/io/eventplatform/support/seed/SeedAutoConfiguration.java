package io.eventplatform.support.seed;

import io.eventplatform.support.events.WaitingEvents;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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

    /**
     * Set by the launcher, which starts every service's seed at once so that their JVMs start together: the seed then
     * loads its data only once a line {@code go} arrives on its standard input (the seed before it has finished).
     */
    static final String WAITS_FOR_GO = "platform.seed-waits-for-go";

    @Bean
    ApplicationRunner seedCommand(ObjectProvider<DemoDataLoader> loaders, ObjectProvider<WaitingEvents> outbox,
                                  ConfigurableApplicationContext context) {
        return args -> {
            if (context.getEnvironment().getProperty(WAITS_FOR_GO, Boolean.class, false) && !go()) {
                throw new IllegalStateException("ended before its turn: the seed it waited for did not finish");
            }
            List<DemoDataLoader> all = loaders.orderedStream().toList();
            for (DemoDataLoader loader : all) {
                loader.load().forEach(System.out::println);
            }
            outbox.ifAvailable(WaitingEvents::publishAll);
            new Thread(() -> System.exit(SpringApplication.exit(context, () -> 0)), "seed-exit").start();
        };
    }

    /** Whether the launcher said go; false when it closed the input without (it is ending this seed). */
    private static boolean go() throws IOException {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return "go".equals(line);
    }
}
