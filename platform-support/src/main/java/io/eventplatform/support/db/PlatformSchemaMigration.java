package io.eventplatform.support.db;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates the service's own schema, then platform-support's tables (outbox, processed events, idempotency
 * keys) from {@code classpath:db/platform} under a history table of their own. The library's migrations thus
 * version independently of every service's, and no service copies their DDL.
 */
public final class PlatformSchemaMigration implements FlywayMigrationStrategy {

    public static final String LOCATION = "classpath:db/platform";
    public static final String HISTORY_TABLE = "platform_schema_history";

    @Override
    public void migrate(Flyway flyway) {
        flyway.migrate();
        library(flyway).migrate();
    }

    /** Refuses to go on unless both histories match the code (nothing pending, no drift): Flyway's message says why. */
    public static void validateOnly(Flyway flyway) {
        flyway.validate();
        library(flyway).validate();
    }

    /** A Flyway for the library's tables, with the service's connection and settings. */
    public static Flyway library(Flyway service) {
        return Flyway.configure(service.getConfiguration().getClassLoader())
                .configuration(service.getConfiguration())
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                // the service's own tables are already there: start the library's history from nothing
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }
}
