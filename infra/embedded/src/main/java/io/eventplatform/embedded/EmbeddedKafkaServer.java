package io.eventplatform.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/** A single-node Kafka broker in KRaft combined mode (broker + controller) inside this JVM. */
public final class EmbeddedKafkaServer implements AutoCloseable {

    private final KafkaRaftServer server;

    private EmbeddedKafkaServer(KafkaRaftServer server) {
        this.server = server;
    }

    public static EmbeddedKafkaServer start(Path logDir, int port, int controllerPort) {
        try {
            Files.createDirectories(logDir);
            Properties properties = properties(logDir, port, controllerPort);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(properties, logDir);
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
            server.startup();
            return new EmbeddedKafkaServer(server);
        } catch (IOException | RuntimeException e) {
            throw new StartupException("kafka", e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    public static Properties properties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        return p;
    }

    private static void format(Properties properties, Path logDir) throws IOException {
        Path config = logDir.resolve("server.properties");
        try (var out = Files.newOutputStream(config)) {
            properties.store(out, "embedded dev stack broker");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IOException("formatting the KRaft storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** Stops the broker; its data stays, so {@link #start} on the same folder and ports brings it back. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
