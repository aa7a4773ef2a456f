package io.eventplatform.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformCommandTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return PlatformCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownCommandIsRefusedWithUsage() {
        assertThat(run("fly")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown command: fly", "usage: platform run");
    }

    @Test
    void unknownFlagsAreRefusedRatherThanIgnored() {
        assertThat(run("run", "--fast")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown arguments: --fast");
    }

    @Test
    void helpPrintsUsage() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--fresh", "GATEWAY_PORT");
    }

    @Test
    void portsComeFromTheEnvironmentWithDocumentedDefaults() {
        StackConfig config = StackConfig.fromEnvironment(Path.of("."), Path.of(".data"), false,
                Map.of("GATEWAY_PORT", "18080", "POSTGRES_PORT", " 25432 "));

        assertThat(config.ports().gateway()).isEqualTo(18080);
        assertThat(config.ports().postgres()).isEqualTo(25432);
        assertThat(config.ports().identity()).isEqualTo(8081);
        assertThat(config.ports().kafka()).isEqualTo(19092);
        assertThat(config.serviceJvmOptions()).contains("-Xmx256m");
    }

    @Test
    void portsRoundTripThroughTheirEnvironmentVariables() {
        StackConfig.Ports free = StackConfig.Ports.findFree();

        assertThat(StackConfig.fromEnvironment(Path.of("."), Path.of(".data"), false, free.asEnvironment()).ports())
                .isEqualTo(free);
        assertThat(free.byPart().values()).doesNotHaveDuplicates();
    }

    @Test
    void aPortThatIsNotANumberIsAClearError() {
        assertThatThrownBy(() -> StackConfig.fromEnvironment(Path.of("."), Path.of(".data"), false, Map.of("KAFKA_PORT", "kafka")))
                .hasMessage("KAFKA_PORT must be a port number (1-65535), not 'kafka'");
        assertThatThrownBy(() -> StackConfig.fromEnvironment(Path.of("."), Path.of(".data"), false, Map.of("OIDC_PORT", "70000")))
                .hasMessageContaining("OIDC_PORT must be a port number");
    }
}
