package io.eventplatform.support.db;

import java.io.PrintStream;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * The database workflow of a service through Flyway's own API, on both of its schema histories: the service's
 * migrations ({@code flyway_schema_history}) and platform-support's tables ({@code platform_schema_history}).
 * {@code ./platform db …} runs it in each service's jar ({@code --platform.db.command=…}).
 */
public final class DatabaseCommand {

    /** What {@code ./platform db} can ask of a service's jar. */
    public enum Action { VALIDATE, MIGRATE, INFO }

    private final String service;
    private final List<History> histories;

    private record History(String name, Flyway flyway) {
    }

    public DatabaseCommand(String service, Flyway flyway) {
        this.service = service;
        this.histories = List.of(new History("service", flyway),
                new History("platform library", PlatformSchemaMigration.library(flyway)));
    }

    /** Runs {@code action}, writing what it found to {@code out}; the exit code (0: fine, 1: drift or failure). */
    public int run(Action action, PrintStream out) {
        return switch (action) {
            case VALIDATE -> validate(out);
            case MIGRATE -> migrate(out);
            case INFO -> info(out);
        };
    }

    private int validate(PrintStream out) {
        int exit = 0;
        for (History history : histories) {
            ValidateResult result = history.flyway().validateWithResult();
            if (result.validationSuccessful) {
                out.printf("%s (%s): valid, %d migrations checked%n", service, history.name(), result.validateCount);
                continue;
            }
            exit = 1;
            out.printf("%s (%s): INVALID%n", service, history.name());
            for (ValidateOutput invalid : result.invalidMigrations) {
                out.printf("  %s %s: %s%n", invalid.version == null || invalid.version.isEmpty() ? "(repeatable)" : invalid.version,
                        invalid.description, invalid.errorDetails == null ? "" : invalid.errorDetails.errorMessage);
            }
            if (result.invalidMigrations.isEmpty() && result.errorDetails != null) {
                out.printf("  %s%n", result.errorDetails.errorMessage);
            }
        }
        return exit;
    }

    private int migrate(PrintStream out) {
        for (History history : histories) {
            MigrateResult result = history.flyway().migrate();
            out.printf("%s (%s): %s%n", service, history.name(), result.migrationsExecuted == 0 ? "up to date, nothing to apply"
                    : "applied " + result.migrationsExecuted + " migration(s), now at " + result.targetSchemaVersion);
        }
        return 0;
    }

    private int info(PrintStream out) {
        for (History history : histories) {
            out.printf("%s (%s)%n", service, history.name());
            out.printf("  %-8s %-44s %-24s %s%n", "version", "description", "installed on", "state");
            for (MigrationInfo migration : history.flyway().info().all()) {
                out.printf("  %-8s %-44s %-24s %s%n", migration.getVersion() == null ? "" : migration.getVersion().getVersion(),
                        migration.getDescription(), migration.getInstalledOn() == null ? "" : migration.getInstalledOn().toInstant(),
                        migration.getState().getDisplayName());
            }
        }
        return 0;
    }
}
