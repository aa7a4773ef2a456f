package io.eventplatform.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL and Kafka in containers, for machines with a Docker engine. Ryuk removes them after the JVM. */
final class ContainerInfrastructure {

    static final String POSTGRES_IMAGE = "postgres:17-alpine";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

    private ContainerInfrastructure() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static Infrastructure.PostgresServer startPostgres() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE);
        postgres.start();
        return new Infrastructure.PostgresServer(postgres.getHost(), postgres.getMappedPort(5432),
                postgres.getUsername(), postgres.getPassword());
    }

    static String startKafka() {
        return new ContainerBroker().bootstrapServers();
    }

    /** Outages are a paused container: same address, same data, unreachable until unpaused. */
    static final class ContainerBroker implements KafkaBroker {

        private final KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        private boolean paused;

        ContainerBroker() {
            kafka.start();
        }

        @Override
        public String bootstrapServers() {
            return kafka.getBootstrapServers();
        }

        @Override
        public synchronized void stop() {
            if (!paused) {
                kafka.getDockerClient().pauseContainerCmd(kafka.getContainerId()).exec();
                paused = true;
            }
        }

        @Override
        public synchronized void start() {
            if (paused) {
                kafka.getDockerClient().unpauseContainerCmd(kafka.getContainerId()).exec();
                paused = false;
            }
        }
    }
}
