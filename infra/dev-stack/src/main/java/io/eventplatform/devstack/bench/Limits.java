package io.eventplatform.devstack.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** What this machine's PostgreSQL can do at most, measured on the platform's own server in the same run. */
final class Limits {

    private Limits() {
    }

    /**
     * Commits per second of single-row INSERTs with a unique key (one transaction each, as a join is), from
     * {@code clients} connections at once for {@code duration}, into a scratch table of its own database.
     */
    static double insertCommitsPerSecond(Target target, int clients, Duration duration) throws Exception {
        try (Connection admin = target.database("postgres"); Statement statement = admin.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'bench_limits'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE bench_limits");
            }
        }
        try (Connection setup = target.database("bench_limits"); Statement statement = setup.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS commit_rate");
            statement.execute("CREATE TABLE commit_rate (id bigserial PRIMARY KEY, k text NOT NULL UNIQUE, at timestamptz NOT NULL DEFAULT now())");
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long deadline = System.nanoTime() + duration.toNanos();
        List<Future<Long>> counts = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            counts.add(pool.submit(() -> {
                long done = 0;
                try (Connection connection = target.database("bench_limits");
                     PreparedStatement insert = connection.prepareStatement("INSERT INTO commit_rate (k) VALUES (?)")) {
                    while (System.nanoTime() < deadline) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.executeUpdate();
                        done++;
                    }
                }
                return done;
            }));
        }
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        try (Connection cleanup = target.database("bench_limits"); Statement statement = cleanup.createStatement()) {
            statement.execute("DROP TABLE commit_rate");
        } catch (SQLException ignored) {
            // a scratch table; the next run drops it first
        }
        return total / seconds;
    }
}
