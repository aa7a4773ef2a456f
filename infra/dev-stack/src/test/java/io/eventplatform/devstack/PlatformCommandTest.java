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
    void aWebhookKeyIsAPrivateEd25519JwkWhosePublicHalfVerifiesItsSignatures() throws Exception {
        assertThat(run("webhook-key")).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        tools.jackson.databind.JsonNode key = new tools.jackson.databind.json.JsonMapper().readTree(
                lines[0].substring("WEBHOOK_SIGNING_KEY='".length(), lines[0].length() - 1));
        tools.jackson.databind.JsonNode published = new tools.jackson.databind.json.JsonMapper().readTree(
                lines[1].substring(lines[1].indexOf('{')));

        assertThat(key.get("kty").asString()).isEqualTo("OKP");
        assertThat(key.get("crv").asString()).isEqualTo("Ed25519");
        assertThat(key.get("kid").asString()).matches("whk_[0-9a-f]{16}");
        assertThat(published.has("d")).isFalse();
        assertThat(published.get("x")).isEqualTo(key.get("x"));
        java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
        signer.initSign(java.security.KeyFactory.getInstance("Ed25519").generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(
                concat("302e020100300506032b657004220420", key.get("d").asString()))));
        signer.update("1700000000.{}".getBytes(StandardCharsets.UTF_8));
        java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(java.security.KeyFactory.getInstance("Ed25519").generatePublic(new java.security.spec.X509EncodedKeySpec(
                concat("302a300506032b6570032100", published.get("x").asString()))));
        verifier.update("1700000000.{}".getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(signer.sign())).isTrue();
    }

    private static byte[] concat(String derPrefix, String base64Url) {
        byte[] prefix = java.util.HexFormat.of().parseHex(derPrefix);
        byte[] raw = java.util.Base64.getUrlDecoder().decode(base64Url);
        byte[] all = java.util.Arrays.copyOf(prefix, prefix.length + raw.length);
        System.arraycopy(raw, 0, all, prefix.length, raw.length);
        return all;
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
        assertThat(config.jvmOptionsFor("gateway")).contains("-Xmx256m", "-XX:+UseParallelGC");
        assertThat(config.jvmOptionsFor("room-service")).contains("-Xmx512m").doesNotContain("-Xmx256m");
        assertThat(config.jvmOptionsFor("room-service")).doesNotContain("-XX:TieredStopAtLevel=1");
        assertThat(config.commandJvmOptionsFor("room-service")).containsAll(config.jvmOptionsFor("room-service"))
                .endsWith("-XX:TieredStopAtLevel=1");
    }

    @Test
    void serviceJavaOptionsFromTheEnvironmentReplaceTheDefaultsOfEveryService() {
        StackConfig config = StackConfig.fromEnvironment(Path.of("."), Path.of(".data"), false,
                Map.of("PLATFORM_SERVICE_JAVA_OPTS", " -Xmx1g  -XX:+UseG1GC "));

        assertThat(config.jvmOptionsFor("room-service")).containsExactly("-Xmx1g", "-XX:+UseG1GC");
        assertThat(config.jvmOptionsFor("gateway")).containsExactly("-Xmx1g", "-XX:+UseG1GC");
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
