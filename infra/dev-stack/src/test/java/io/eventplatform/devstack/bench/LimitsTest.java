package io.eventplatform.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.devstack.StackConfig;
import io.eventplatform.embedded.EmbeddedKafkaServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** P3's limit goes through a real broker: every measured trip is a record sent and read back, and nothing stays. */
class LimitsTest {

    @TempDir
    Path dataDir;

    @Test
    void eachMeasuredTripIsARecordSentAndReadBackOnAScratchTopicThatIsDeletedAfterwards() throws Exception {
        StackConfig.Ports ports = StackConfig.Ports.findFree();
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(dataDir.resolve("kafka"), ports.kafka(), ports.kafkaController())) {
            String bootstrap = "localhost:" + ports.kafka();

            List<Long> micros = Limits.kafkaHopMicros(bootstrap, 3, 12, Duration.ZERO);

            assertThat(micros).hasSize(12).allSatisfy(trip -> assertThat(trip).isPositive());
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS))
                        .noneMatch(topic -> topic.startsWith("bench.limits.hop"));
            }
        }
    }
}
