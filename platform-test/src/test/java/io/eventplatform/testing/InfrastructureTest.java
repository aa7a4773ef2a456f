package io.eventplatform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The shared test infrastructure is real: SQL runs on PostgreSQL, records travel through a Kafka broker. */
class InfrastructureTest {

    final Infrastructure infrastructure = Infrastructure.shared();

    @Test
    void isStartedOncePerJvm() {
        assertThat(Infrastructure.shared()).isSameAs(infrastructure);
        assertThat(infrastructure.postgres()).isSameAs(infrastructure.postgres());
    }

    @Test
    void eachNewDatabaseStartsEmptyAndIsolated() throws Exception {
        Infrastructure.Database first = infrastructure.createDatabase("Isolation");
        Infrastructure.Database second = infrastructure.createDatabase("Isolation");

        assertThat(first.name()).isNotEqualTo(second.name()).matches("[a-z0-9_]+");
        try (Connection connection = DriverManager.getConnection(first.jdbcUrl(), first.user(), first.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE marker (id int)");
        }
        try (Connection connection = DriverManager.getConnection(second.jdbcUrl(), second.user(), second.password());
             Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'marker'")) {
            tables.next();
            assertThat(tables.getInt(1)).isZero();
        }
    }

    @Test
    void postgresIsTheRealServer() throws Exception {
        Infrastructure.Database database = infrastructure.createDatabase("Version");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("SHOW server_version_num")) {
            version.next();
            assertThat(version.getInt(1)).isGreaterThanOrEqualTo(140000);
        }
    }

    @Test
    void kafkaCarriesARecordFromProducerToConsumer() {
        String topic = "harness-" + UUID.randomUUID();
        String servers = infrastructure.kafkaBootstrapServers();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", servers),
                new StringSerializer(), new StringSerializer());
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", servers,
                     "group.id", "harness", "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            producer.send(new ProducerRecord<>(topic, "room_1", "hello")).get();
            consumer.subscribe(List.of(topic));

            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                records = consumer.poll(Duration.ofMillis(500));
            }

            assertThat(records.count()).isEqualTo(1);
            assertThat(records.iterator().next().value()).isEqualTo("hello");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anUnknownModeIsRefusedWithTheAllowedValues() {
        assertThat(Infrastructure.chooseMode("EMBEDDED")).isEqualTo(Infrastructure.Mode.EMBEDDED);
        assertThat(Infrastructure.chooseMode("containers")).isEqualTo(Infrastructure.Mode.CONTAINERS);
        assertThatThrownBy(() -> Infrastructure.chooseMode("docker"))
                .hasMessageContaining("must be embedded, containers or auto");
    }
}
