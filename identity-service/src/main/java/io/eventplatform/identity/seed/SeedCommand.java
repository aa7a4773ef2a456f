package io.eventplatform.identity.seed;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar identity-service-exec.jar --platform.seed=true}: loads the demo data, prints the secrets of apps
 * it created (shown this once, as at registration), waits until the events are out, and exits.
 */
@Component
@ConditionalOnProperty("platform.seed")
class SeedCommand implements ApplicationRunner {

    private final DemoData demo;
    private final ConfigurableApplicationContext context;

    SeedCommand(DemoData demo, ConfigurableApplicationContext context) {
        this.demo = demo;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> created = demo.load();
        created.forEach(app -> System.out.println("created app (secret shown once): " + app));
        // closing the context lets the outbox relay publish its last batch before the JVM ends
        new Thread(() -> System.exit(org.springframework.boot.SpringApplication.exit(context, () -> 0)), "seed-exit").start();
    }
}
