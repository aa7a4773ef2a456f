package io.eventplatform.room.seed;

import io.eventplatform.room.rooms.DemoRooms;
import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar room-service-exec.jar --platform.seed=true}: loads the demo rooms (once identity-service's demo
 * users and apps have reached the replicas), waits until the events are out, and exits.
 */
@Component
@ConditionalOnProperty("platform.seed")
class SeedCommand implements ApplicationRunner {

    private final DemoRooms demo;
    private final ConfigurableApplicationContext context;

    SeedCommand(DemoRooms demo, ConfigurableApplicationContext context) {
        this.demo = demo;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.load(Duration.ofSeconds(60));
        // closing the context lets the outbox relay publish its last batch before the JVM ends
        new Thread(() -> System.exit(SpringApplication.exit(context, () -> 0)), "seed-exit").start();
    }
}
