package io.eventplatform.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL server from zonky's binaries with its data in a folder that survives restarts, durable settings
 * (fsync on), on a fixed port. Loopback connections are trusted (a local development/test server only).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final int port;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port, Path dataDir) {
        this.postgres = postgres;
        this.port = port;
        this.dataDir = dataDir;
    }

    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            stopOrphan(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "localhost")
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .start();
            return new EmbeddedPostgresServer(postgres, port, dataDir);
        } catch (IOException e) {
            throw new StartupException("postgres", e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    /**
     * A launcher killed with SIGKILL leaves its postmaster running (re-parented to init). zonky would then report
     * success against the old server; stop it first.
     */
    public static void stopOrphan(Path dataDir) throws IOException {
        Optional<ProcessHandle> orphan = postmaster(dataDir);
        if (orphan.isPresent()) {
            log.warn("Stopping a PostgreSQL left running by an earlier launcher (pid {})", orphan.get().pid());
            orphan.get().destroy();
            try {
                orphan.get().onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                orphan.get().destroyForcibly();
            }
        }
        Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
    }

    /** The live postmaster that the data folder's pid file names, if any. */
    private static Optional<ProcessHandle> postmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return Files.readAllLines(pidFile).stream().findFirst()
                .map(String::trim)
                .flatMap(pid -> {
                    try {
                        return ProcessHandle.of(Long.parseLong(pid));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                })
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false));
    }

    public Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Stops the server and returns only once the postmaster process is gone (its port is free then). */
    @Override
    public void close() throws IOException {
        Optional<ProcessHandle> postmaster = postmaster(dataDir);
        postgres.close();
        if (postmaster.isPresent()) {
            try {
                postmaster.get().onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("PostgreSQL (pid {}) did not exit in time", postmaster.get().pid());
            }
        }
    }
}
