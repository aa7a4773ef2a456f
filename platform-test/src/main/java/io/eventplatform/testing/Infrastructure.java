package io.eventplatform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real PostgreSQL server and Kafka broker of one test JVM, started on first use and shared by every test
 * class until the JVM exits.
 *
 * <p>Which kind runs is decided once: system property {@code platform.test.infrastructure} = {@code embedded}
 * (zonky PostgreSQL binaries and an in-JVM KRaft broker), {@code containers} (Testcontainers) or {@code auto}
 * (the default: containers when a Docker engine answers, embedded otherwise).
 */
public final class Infrastructure {

    public static final String MODE_PROPERTY = "platform.test.infrastructure";
    private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);
    private static final AtomicInteger databases = new AtomicInteger();

    private static volatile Infrastructure shared;

    private final Mode mode;
    private PostgresServer postgres;
    private String kafkaBootstrapServers;

    public enum Mode { EMBEDDED, CONTAINERS }

    /** A running PostgreSQL server, reachable with a superuser. */
    public record PostgresServer(String host, int port, String user, String password) {
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    /** Connection settings of a database made for one test context. */
    public record Database(String name, String jdbcUrl, String user, String password) {
    }

    private Infrastructure(Mode mode) {
        this.mode = mode;
    }

    public static Infrastructure shared() {
        Infrastructure instance = shared;
        if (instance == null) {
            synchronized (Infrastructure.class) {
                if (shared == null) {
                    shared = new Infrastructure(chooseMode(System.getProperty(MODE_PROPERTY, "auto")));
                    log.info("Test infrastructure: {}", shared.mode);
                }
                instance = shared;
            }
        }
        return instance;
    }

    static Mode chooseMode(String requested) {
        return switch (requested.toLowerCase(Locale.ROOT)) {
            case "embedded" -> Mode.EMBEDDED;
            case "containers" -> Mode.CONTAINERS;
            case "auto" -> ContainerInfrastructure.dockerAvailable() ? Mode.CONTAINERS : Mode.EMBEDDED;
            default -> throw new IllegalArgumentException(
                    MODE_PROPERTY + " must be embedded, containers or auto, not '" + requested + "'");
        };
    }

    public Mode mode() {
        return mode;
    }

    public synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = mode == Mode.EMBEDDED ? EmbeddedInfrastructure.startPostgres() : ContainerInfrastructure.startPostgres();
        }
        return postgres;
    }

    public synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrapServers == null) {
            kafkaBootstrapServers = mode == Mode.EMBEDDED ? EmbeddedInfrastructure.startKafka() : ContainerInfrastructure.startKafka();
        }
        return kafkaBootstrapServers;
    }

    /**
     * A broker of the test's own, beside the shared one, that the test may stop and start (outage tests). The
     * caller stops it when done.
     */
    public KafkaBroker dedicatedKafka() {
        return mode == Mode.EMBEDDED ? new EmbeddedInfrastructure.EmbeddedBroker() : new ContainerInfrastructure.ContainerBroker();
    }

    /** Creates an empty database, so a test context starts from a clean schema without restarting the server. */
    public Database createDatabase(String prefix) {
        PostgresServer server = postgres();
        String name = (prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_" + databases.incrementAndGet());
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return new Database(name, server.jdbcUrl(name), server.user(), server.password());
    }
}
