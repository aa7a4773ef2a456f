package io.eventplatform.devstack.bench;

import io.eventplatform.devstack.Platform;
import io.eventplatform.devstack.StackConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The platform under measurement: one the bench started itself (free ports, a fresh data folder) or one already
 * running ({@code --url}). The services' own ports, PostgreSQL's and Kafka's are needed for the direct-vs-gateway and
 * the limit measurements.
 */
record Target(String gateway, String identity, String room, String prize, int postgresPort, int kafkaPort,
              @Nullable Platform platform, @Nullable Duration stackStart) implements AutoCloseable {

    /**
     * The bench's clients come from one address with a few thousand users: the rate limits stay on (their cost is
     * part of what is measured) at numbers no scenario reaches.
     */
    static final Map<String, String> UNREFUSED = Map.of("GATEWAY_RATE_LIMIT_USER", "1000000000",
            "GATEWAY_RATE_LIMIT_APP", "1000000000", "GATEWAY_RATE_LIMIT_ANONYMOUS", "1000000000",
            "GATEWAY_RATE_LIMIT_SIGN_IN", "1000000000");

    static Target start(Path root, Path dataDir, java.io.PrintStream out) {
        StackConfig config = StackConfig.forBench(root, dataDir);
        long started = System.nanoTime();
        Platform platform = Platform.start(config, out, UNREFUSED);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        StackConfig.Ports p = config.ports();
        return new Target("http://localhost:" + p.gateway(), "http://localhost:" + p.identity(),
                "http://localhost:" + p.room(), "http://localhost:" + p.prize(), p.postgres(), p.kafka(), platform, took);
    }

    static Target attach(String gatewayUrl, Map<String, String> env) {
        StackConfig.Ports p = StackConfig.Ports.fromEnvironment(env);
        return new Target(gatewayUrl.replaceAll("/+$", ""), "http://localhost:" + p.identity(),
                "http://localhost:" + p.room(), "http://localhost:" + p.prize(), p.postgres(), p.kafka(), null, null);
    }

    /** A superuser connection to one of the platform's databases (the embedded server trusts loopback). */
    Connection database(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/" + name, "postgres", "");
    }

    @Override
    public void close() {
        if (platform != null) {
            platform.close();
        }
    }
}
