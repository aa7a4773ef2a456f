package io.eventplatform.support.db;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A service started with {@code --platform.db.command=…} (what {@code ./platform db} and the compose and Kubernetes
 * migration jobs run) is a one-shot command, not a service: no web server, none of its Kafka listeners or readers (a
 * migration job must not take part in the service's consumer group, or apply events before the schema is migrated),
 * and no outbox relay thread (it would poll the tables a reset drops). Only a {@code reset} that will run (not under
 * the prod profile, which refuses it) reaches Kafka: it rebuilds the replicas from the topics and publishes what its
 * demo data wrote itself, once the schema is back ({@link io.eventplatform.support.events.WaitingEvents}). Every other
 * action needs no broker at all, so it answers at once wherever Kafka is out of reach, and makes only the beans it
 * uses (lazy initialization: the data source and Flyway, not the web layer or the listeners). {@code
 * --platform.seed=true} ({@code ./platform seed}) is one too: lazy, no listeners, and it publishes the events of its
 * demo data before it exits.
 */
public final class DatabaseCommandEnvironment implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "platformDatabaseCommand";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String command = environment.getProperty("platform.db.command");
        boolean seed = environment.getProperty("platform.seed", Boolean.class, false);
        if (command == null && !seed || environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.main.web-application-type", "none");
        settings.put("spring.kafka.listener.auto-startup", "false");
        settings.put("platform.events.relay-auto-startup", "false");
        if (command == null) {
            // the demo data only: made through the beans it uses, its events published before it exits
            settings.put("spring.main.lazy-initialization", "true");
        } else if (!command.equals("reset") || environment.matchesProfiles("prod")) {
            settings.put("platform.events.relay.enabled", "false");
            settings.put("spring.kafka.admin.auto-create", "false");
            settings.put("spring.main.lazy-initialization", "true");
        }
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, settings));
    }
}
