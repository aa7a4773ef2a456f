package io.eventplatform.support.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventplatform.testing.Infrastructure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGStatement;
import org.postgresql.ds.PGSimpleDataSource;

/** The db workflow's actions through Flyway's API, against a real PostgreSQL database of their own. */
class DatabaseCommandTest {

    Infrastructure.Database database;

    @BeforeEach
    void freshDatabase() {
        database = Infrastructure.shared().createDatabase("dbcommand");
    }

    @Test
    void migrateAppliesWhatIsPendingAndIsANoOpTheSecondTime() {
        assertThat(run("info", "commandtest")).contains("first table", "second table").contains("Pending");

        String first = run("migrate", "commandtest");
        String second = run("migrate", "commandtest");

        assertThat(first).contains("(service): applied 2 migration(s), now at 2").contains("(platform library): applied");
        assertThat(second).contains("(service): up to date, nothing to apply").contains("(platform library): up to date");
        assertThat(run("info", "commandtest")).contains("Success").doesNotContain("Pending");
    }

    @Test
    void validatePassesOnAFreshMigrateAndFailsOnATamperedChecksumOrAMissingFile() throws Exception {
        run("migrate", "commandtest");
        assertThat(exit("validate", "commandtest")).isZero();

        assertThat(exit("validate", "commandtest-missing")).isEqualTo(1);
        // V1 was applied and its file is gone (a missing newest file would read as a newer release's, which Flyway allows)
        assertThat(run("validate", "commandtest-missing")).contains("INVALID").contains("first table");

        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
        }
        assertThat(exit("validate", "commandtest")).isEqualTo(1);
        assertThat(run("validate", "commandtest")).contains("INVALID").containsIgnoringCase("checksum");
    }

    @Test
    void validateReportsPendingMigrationsAsDrift() {
        assertThat(exit("validate", "commandtest")).isEqualTo(1);
    }

    @Test
    void withoutMigrationAtStartAServiceRefusesAPendingSchemaAndAcceptsAMigratedOne() {
        Flyway flyway = flyway("commandtest");

        assertThatThrownBy(() -> PlatformSchemaMigration.validateOnly(flyway)).isInstanceOf(FlywayException.class);

        new PlatformSchemaMigration().migrate(flyway);
        PlatformSchemaMigration.validateOnly(flyway);
        assertThat(run("info", "commandtest")).doesNotContain("Pending");
    }

    @Test
    void aResetEndsTheSessionsThatStillHoldPlansOfTheDroppedSchema() throws Exception {
        try (Connection running = connect(); Statement setup = running.createStatement()) {
            setup.execute("CREATE TYPE mood AS ENUM ('GLAD'); CREATE TABLE moods (m mood); INSERT INTO moods VALUES ('GLAD')");
            PreparedStatement read = running.prepareStatement("SELECT m FROM moods");
            read.unwrap(PGStatement.class).setPrepareThreshold(1);
            read.executeQuery().close();
            try (Connection reset = connect(); Statement drop = reset.createStatement()) {
                drop.execute("DROP TABLE moods; DROP TYPE mood; CREATE TYPE mood AS ENUM ('GLAD'); CREATE TABLE moods (m mood)");
            }
            // what a running service would meet inside its next read-only transaction
            running.setAutoCommit(false);
            assertThatThrownBy(read::executeQuery).hasMessageContaining("cached plan must not change result type");
            running.rollback();

            String said = OtherSessions.end(dataSource());

            assertThat(said).isEqualTo("other sessions on the database ended: 1");
            assertThat(running.isValid(2)).isFalse();
        }
        try (Connection fresh = connect(); Statement read = fresh.createStatement()) {
            assertThat(read.executeQuery("SELECT count(*) FROM moods").next()).isTrue();
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    private PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        return dataSource;
    }

    private String run(String action, String location) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        command(location).run(DatabaseCommand.Action.valueOf(action.toUpperCase()), new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private int exit(String action, String location) {
        return command(location).run(DatabaseCommand.Action.valueOf(action.toUpperCase()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private DatabaseCommand command(String location) {
        return new DatabaseCommand("test-service", flyway(location));
    }

    private Flyway flyway(String location) {
        return Flyway.configure().dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("classpath:db/" + location).load();
    }
}
