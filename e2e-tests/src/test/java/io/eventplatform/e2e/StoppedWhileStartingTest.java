package io.eventplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventplatform.devstack.StackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C or SIGTERM while {@code ./platform run} is still starting stops what has started: nothing is left running. */
class StoppedWhileStartingTest {

    static final List<String> SERVICES = List.of("identity-service", "room-service", "prize-service", "gateway");

    @TempDir
    Path dataDir;

    @Test
    void aLauncherStoppedWhileItsServicesStartLeavesNoProcessRunningAndNoPortTaken() throws Exception {
        try (RunningPlatform platform = RunningPlatform.launch(dataDir)) {
            platform.awaitOutput("postgres/kafka/oidc ready");
            await("every service launched").atMost(Duration.ofMinutes(1))
                    .until(() -> SERVICES.stream().allMatch(service -> Files.exists(dataDir.resolve("run").resolve(service + ".pid"))));
            List<Long> started = new ArrayList<>();
            for (String service : SERVICES) {
                started.add(platform.pid(service));
            }
            started.add(Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0).trim()));
            assertThat(platform.output()).as("still starting").noneMatch(line -> line.startsWith(RunningPlatform.READY_LINE));

            platform.stop();

            assertThat(platform.output()).contains("Stopping the event platform...", "Stopped.");
            for (long pid : started) {
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("process " + pid).isFalse();
            }
            for (Map.Entry<String, Integer> port : platform.ports.byPart().entrySet()) {
                assertThat(StackConfig.Ports.isFree(port.getValue())).as(port.getKey() + " port " + port.getValue()).isTrue();
            }
        }
    }
}
