package io.eventplatform.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of {@code ./platform db} that need no database: the next migration file, and what the arguments name. */
class DatabaseWorkflowTest {

    @TempDir
    Path root;

    @Test
    void newWritesTheNextVersionWithTheDescriptionAsItsName() throws Exception {
        Path migrations = Files.createDirectories(root.resolve("room-service/src/main/resources/db/migration"));
        Files.writeString(migrations.resolve("V1__room_schema.sql"), "");
        Files.writeString(migrations.resolve("V2__room_list_indexes.sql"), "");
        Files.writeString(migrations.resolve("V10__later.sql"), "");
        Files.writeString(migrations.resolve("README.txt"), "");

        Path written = DatabaseWorkflow.newMigration(root.resolve("room-service"), "Add ticket count!");

        assertThat(written.getFileName().toString()).isEqualTo("V11__add_ticket_count.sql");
        assertThat(Files.readString(written)).isEqualTo("-- Add ticket count!\n");
        assertThatThrownBy(() -> DatabaseWorkflow.newMigration(root.resolve("room-service"), "  !! "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCommandLineWritesTheFileIntoTheNamedService() throws Exception {
        Files.createDirectories(root.resolve("identity-service/src/main/resources/db/migration"));
        Files.writeString(root.resolve("identity-service/src/main/resources/db/migration/V1__identity_schema.sql"), "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StackConfig config = StackConfig.fromEnvironment(root, root.resolve(".data"), false, Map.of());

        int exit = DatabaseWorkflow.run(List.of("new", "--service", "identity", "add nickname"), config, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(root.resolve("identity-service/src/main/resources/db/migration/V2__add_nickname.sql")).exists();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("V2__add_nickname.sql");
    }

    @Test
    void servicesAreNamedShortOrLongAndAllIsTheDefault() {
        assertThat(DatabaseWorkflow.targets("room")).extracting(ServiceDatabases::service).containsExactly("room-service");
        assertThat(DatabaseWorkflow.targets("prize-service")).extracting(ServiceDatabases::service).containsExactly("prize-service");
        assertThat(DatabaseWorkflow.targets("all")).hasSize(3);
        assertThatThrownBy(() -> DatabaseWorkflow.targets("payments")).hasMessageContaining("identity, room, prize");
    }

    @Test
    void badArgumentsAreAUsageErrorNotAFailure() {
        StackConfig config = StackConfig.fromEnvironment(root, root.resolve(".data"), false, Map.of());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        assertThat(DatabaseWorkflow.run(List.of(), config, Map.of(), out, errors)).isEqualTo(2);
        assertThat(DatabaseWorkflow.run(List.of("drop"), config, Map.of(), out, errors)).isEqualTo(2);
        assertThat(DatabaseWorkflow.run(List.of("info", "--service", "payments"), config, Map.of(), out, errors)).isEqualTo(2);
        assertThat(DatabaseWorkflow.run(List.of("info", "--url", "jdbc:postgresql://db/x"), config, Map.of(), out, errors)).isEqualTo(2);
        assertThat(DatabaseWorkflow.run(List.of("reset", "--service", "room", "--url", "jdbc:postgresql://db/room", "--yes"),
                config, Map.of(), out, errors)).isEqualTo(2);
        assertThat(DatabaseWorkflow.run(List.of("reset", "--service", "room", "--yes"), config,
                Map.of("DB_URL", "jdbc:postgresql://db/room"), out, errors)).isEqualTo(2);
        // no terminal here: without --yes a reset is never confirmed
        assertThat(DatabaseWorkflow.run(List.of("reset", "--service", "room"), config, Map.of(), out, errors)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: platform db", "--url names one database",
                "unless --force is given", "give --yes when not on a terminal");
    }
}
