package io.eventplatform.devstack;

import io.eventplatform.embedded.StartupException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded infrastructure as ./platform starts it: least-privilege databases, data that survives a restart,
 * --fresh, and a failed start that leaves nothing behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevStackTest {

    @TempDir
    static Path dataDir;

    static final StackConfig.Ports ports = StackConfig.Ports.findFree();
    final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    @Order(1)
    void eachServiceRoleOwnsItsDatabaseAndCannotReachTheOthers() throws Exception {
        try (Platform platform = Platform.startInfrastructure(config(false), out)) {
            for (ServiceDatabases own : ServiceDatabases.ALL) {
                try (Connection connection = connect(own.database(), own.role()); Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE IF NOT EXISTS private_" + own.role() + " (id int)");
                    statement.execute("INSERT INTO private_" + own.role() + " VALUES (1)");
                }
                for (ServiceDatabases other : ServiceDatabases.ALL) {
                    if (other != own) {
                        assertThatThrownBy(() -> connect(other.database(), own.role()).close())
                                .isInstanceOf(SQLException.class)
                                .hasMessageContaining("permission denied for database");
                    }
                }
            }
        }
    }

    @Test
    @Order(2)
    void serviceRolesHoldNoServerWidePowers() throws Exception {
        try (Platform platform = Platform.startInfrastructure(config(false), out);
             Connection connection = connect("postgres", "postgres");
             Statement statement = connection.createStatement();
             ResultSet roles = statement.executeQuery("""
                     SELECT rolname FROM pg_roles
                      WHERE rolname IN ('identity_service', 'room_service', 'prize_service')
                        AND NOT rolsuper AND NOT rolcreatedb AND NOT rolcreaterole AND NOT rolreplication AND NOT rolbypassrls""")) {
            List<String> limited = new java.util.ArrayList<>();
            while (roles.next()) {
                limited.add(roles.getString(1));
            }
            assertThat(limited).containsExactlyInAnyOrder("identity_service", "room_service", "prize_service");
        }
    }

    @Test
    @Order(3)
    void dataSurvivesARestartAndFreshStartsEmpty() throws Exception {
        try (Platform platform = Platform.startInfrastructure(config(false), out);
             Connection connection = connect("room", "room_service");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM private_room_service")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
        try (Platform platform = Platform.startInfrastructure(config(true), out);
             Connection connection = connect("room", "room_service");
             Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'private_room_service'")) {
            tables.next();
            assertThat(tables.getInt(1)).isZero();
        }
    }

    @Test
    @Order(4)
    void aServiceThatCannotStartStopsEverythingAndNamesItself(@TempDir Path emptyRoot) {
        StackConfig withoutJars = new StackConfig(emptyRoot, dataDir, false, ports, List.of());

        assertThatThrownBy(() -> Platform.start(withoutJars, out))
                .isInstanceOfSatisfying(StartupException.class, e -> {
                    assertThat(e.part()).isEqualTo("identity-service");
                    assertThat(e.getMessage()).contains("no runnable jar");
                });
        assertThat(bindable(ports.postgres())).as("postgres port released").isTrue();
        assertThat(bindable(ports.kafka())).as("kafka port released").isTrue();
        assertThat(bindable(ports.oidc())).as("oidc port released").isTrue();
    }

    @Test
    @Order(5)
    void aPortInUseIsReportedWithThePartThatNeedsIt() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("localhost", ports.kafka()));

            assertThatThrownBy(() -> Platform.startInfrastructure(config(false), out))
                    .isInstanceOfSatisfying(StartupException.class, e -> {
                        assertThat(e.part()).isEqualTo("kafka");
                        assertThat(e.getMessage()).contains("port " + ports.kafka() + " is already in use");
                    });
        }
        assertThat(bindable(ports.postgres())).isTrue();
    }

    private StackConfig config(boolean fresh) {
        return new StackConfig(Path.of("."), dataDir, fresh, ports, List.of());
    }

    private static Connection connect(String database, String role) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + ports.postgres() + "/" + database, role, "");
    }

    private static boolean bindable(int port) {
        return StackConfig.Ports.isFree(port);
    }
}
