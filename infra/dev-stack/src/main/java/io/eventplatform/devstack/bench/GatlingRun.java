package io.eventplatform.devstack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one simulation of the {@code bench} module through Gatling's Maven plugin ({@code ./mvnw -f bench/pom.xml
 * test-compile gatling:test}), handing it {@code bench.*} system properties, and reads what it measured.
 */
final class GatlingRun {

    private final Path root;
    private final Path resultsDir;

    GatlingRun(Path root, Path resultsDir) {
        this.root = root;
        this.resultsDir = resultsDir;
    }

    /** Runs {@code simulation} (a class name in io.eventplatform.bench) with {@code properties}; what it measured. */
    Measured run(String simulation, Map<String, String> properties) {
        try {
            Path output = resultsDir.resolve(simulation + "-" + System.nanoTime() + ".json");
            Path log = resultsDir.resolve("gatling-" + simulation + ".log");
            List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-q", "-B",
                    "-f", root.resolve("bench").resolve("pom.xml").toString(), "test-compile", "gatling:test",
                    "-Dgatling.simulationClass=io.eventplatform.bench." + simulation,
                    "-Dgatling.resultsFolder=" + resultsDir.resolve("gatling"),
                    "-Dbench.output=" + output));
            properties.forEach((name, value) -> command.add("-Dbench." + name + "=" + value));
            Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(simulation + " did not finish within 10 minutes; see " + log);
            }
            if (!Files.exists(output)) {
                throw new IllegalStateException(simulation + " wrote no results (exit " + process.exitValue() + "); see " + log);
            }
            Measured measured = Measured.read(Files.readString(output));
            Files.delete(output);
            return measured;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a simulation measured (see the bench module's Results). */
    record Measured(long requests, long ok, long errors, Map<String, Long> statuses, long p50, long p95, long p99,
                    long max, double seconds, double rate, long lastSuccessEpochMillis) {

        static Measured read(String json) {
            var node = Api.JSON.readTree(json);
            Map<String, Long> statuses = new java.util.TreeMap<>();
            node.get("statuses").properties().forEach(e -> statuses.put(e.getKey(), e.getValue().asLong()));
            return new Measured(node.get("requests").asLong(), node.get("ok").asLong(), node.get("errors").asLong(),
                    statuses, node.get("p50").asLong(), node.get("p95").asLong(), node.get("p99").asLong(),
                    node.get("max").asLong(), node.get("seconds").asDouble(), node.get("rate").asDouble(),
                    node.get("lastSuccessEpochMillis").asLong());
        }

        long status(int code) {
            return statuses.getOrDefault(Integer.toString(code), 0L);
        }

        /** Mean time per request for a single client in a loop (sub-millisecond, unlike the percentiles). */
        double meanMillis() {
            return requests == 0 ? 0 : seconds * 1000 / requests;
        }
    }
}
