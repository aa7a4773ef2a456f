package io.eventplatform.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.devstack.StackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path runDir;

    @Test
    void theMeasuredPlatformsLogsStayWithTheResults() throws Exception {
        Path logs = Files.createDirectories(StackConfig.logDir(dataDir));
        Files.writeString(logs.resolve("gateway.log"), "WARN room service failed for POST /api/v1/rooms/r/participants");
        Files.writeString(logs.resolve("room-service.log"), "started");
        Files.createDirectories(logs.resolve("not-a-log"));

        assertThat(Bench.keepLogs(logs, runDir.resolve("logs"))).isTrue();

        assertThat(runDir.resolve("logs/gateway.log")).hasContent(
                "WARN room service failed for POST /api/v1/rooms/r/participants");
        assertThat(runDir.resolve("logs/room-service.log")).hasContent("started");
        assertThat(runDir.resolve("logs/not-a-log")).doesNotExist();
    }

    @Test
    void aPlatformThatNeverStartedLeavesNoLogsFolder() {
        assertThat(Bench.keepLogs(StackConfig.logDir(dataDir), runDir.resolve("logs"))).isFalse();
        assertThat(runDir.resolve("logs")).doesNotExist();
    }
}
