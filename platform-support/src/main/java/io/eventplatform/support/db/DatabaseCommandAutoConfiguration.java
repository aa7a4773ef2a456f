package io.eventplatform.support.db;

import java.util.Locale;
import io.eventplatform.support.events.WaitingEvents;
import io.eventplatform.support.seed.DemoDataLoader;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * {@code java -jar <service>-exec.jar --platform.db.command=validate|migrate|info|reset} (what {@code ./platform db}
 * runs):
 * the service starts without touching its schema, runs the action on its Flyway, prints the result and exits with
 * its code — against whatever database the service's own settings ({@code DB_URL}, …) name.
 */
@AutoConfiguration(before = PlatformDatabaseAutoConfiguration.class,
        beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@ConditionalOnClass(FlywayMigrationStrategy.class)
@ConditionalOnProperty("platform.db.command")
public class DatabaseCommandAutoConfiguration {

    /** The command decides what happens to the schema; nothing migrates at start. */
    @Bean
    FlywayMigrationStrategy leaveTheSchemaToTheCommand() {
        return flyway -> {
        };
    }

    @Bean
    ApplicationRunner databaseCommand(Flyway flyway, Environment environment, ConfigurableApplicationContext context,
                                      ObjectProvider<KafkaListenerEndpointRegistry> listeners,
                                      ObjectProvider<ConsumerFactory<Object, Object>> consumers,
                                      ObjectProvider<DemoDataLoader> loaders, ObjectProvider<WaitingEvents> outbox) {
        return args -> {
            String name = environment.getRequiredProperty("platform.db.command");
            String service = environment.getProperty("spring.application.name", "service");
            int exit;
            try {
                if (name.equals("reset")) {
                    exit = reset(service, flyway, environment, listeners, consumers, loaders, outbox);
                } else {
                    DatabaseCommand.Action action = DatabaseCommand.Action.valueOf(name.toUpperCase(Locale.ROOT));
                    exit = new DatabaseCommand(service, flyway).run(action, System.out);
                }
            } catch (IllegalArgumentException unknown) {
                System.out.println("Unknown database command " + name + "; one of validate, migrate, info, reset");
                exit = 2;
            } catch (RuntimeException failed) {
                System.out.println(failed.getMessage());
                exit = 1;
            }
            int code = exit;
            new Thread(() -> System.exit(SpringApplication.exit(context, () -> code)), "db-command-exit").start();
        };
    }

    /**
     * Drops everything in the service's schema, migrates both histories, rebuilds the replicas from the topics
     * (ReplicaRebuild), loads the demo data and publishes the events it wrote (the command runs no relay thread:
     * DatabaseCommandEnvironment). Never with the prod profile.
     */
    private static int reset(String service, Flyway flyway, Environment environment,
                             ObjectProvider<KafkaListenerEndpointRegistry> listeners,
                             ObjectProvider<ConsumerFactory<Object, Object>> consumers, ObjectProvider<DemoDataLoader> loaders,
                             ObjectProvider<WaitingEvents> outbox) {
        if (environment.matchesProfiles("prod")) {
            System.out.println(service + ": reset refused: the prod profile is active");
            return 2;
        }
        flyway.clean();
        new PlatformSchemaMigration().migrate(flyway);
        System.out.println(service + ": schema dropped and migrated again");
        System.out.println(service + ": " + OtherSessions.end(flyway.getConfiguration().getDataSource()));
        KafkaListenerEndpointRegistry registry = listeners.getIfAvailable();
        ConsumerFactory<Object, Object> factory = consumers.getIfAvailable();
        if (registry != null && factory != null) {
            int topics = ReplicaRebuild.run(registry, factory, service);
            System.out.println(service + ": replicas rebuilt from " + topics + " topic(s)");
        }
        for (DemoDataLoader loader : loaders.orderedStream().toList()) {
            loader.load().forEach(System.out::println);
        }
        outbox.ifAvailable(WaitingEvents::publishAll);
        System.out.println(service + ": seeded");
        return 0;
    }
}
