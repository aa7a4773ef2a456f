package io.eventplatform.support.db;

import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar <service>-exec.jar --platform.db.command=validate|migrate|info} (what {@code ./platform db} runs):
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
    ApplicationRunner databaseCommand(Flyway flyway, Environment environment, ConfigurableApplicationContext context) {
        return args -> {
            String name = environment.getRequiredProperty("platform.db.command");
            int exit;
            try {
                DatabaseCommand.Action action = DatabaseCommand.Action.valueOf(name.toUpperCase(Locale.ROOT));
                exit = new DatabaseCommand(environment.getProperty("spring.application.name", "service"), flyway)
                        .run(action, System.out);
            } catch (IllegalArgumentException unknown) {
                System.out.println("Unknown database command " + name + "; one of validate, migrate, info");
                exit = 2;
            } catch (RuntimeException failed) {
                System.out.println(failed.getMessage());
                exit = 1;
            }
            int code = exit;
            new Thread(() -> System.exit(SpringApplication.exit(context, () -> code)), "db-command-exit").start();
        };
    }
}
