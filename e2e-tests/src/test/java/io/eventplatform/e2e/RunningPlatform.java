package io.eventplatform.e2e;

import static org.awaitility.Awaitility.await;

import io.eventplatform.devstack.StackConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The platform started exactly as a person starts it, {@code ./platform run --fresh}, on free ports and a
 * temporary data folder, so the tests can run beside a platform someone already has on the default ports.
 */
final class RunningPlatform implements AutoCloseable {

    static final String READY_LINE = "Event platform is up";

    final Path root;
    final Path dataDir;
    final StackConfig.Ports ports;
    final Process launcher;
    final Path outputFile;
    final TraceCollector traces;

    private RunningPlatform(Path root, Path dataDir, StackConfig.Ports ports, Process launcher, Path outputFile,
                            TraceCollector traces) {
        this.root = root;
        this.dataDir = dataDir;
        this.traces = traces;
        this.ports = ports;
        this.launcher = launcher;
        this.outputFile = outputFile;
    }

    static final Map<String, String> RATE_LIMITS = Map.of("GATEWAY_RATE_LIMIT_USER", "100000",
            "GATEWAY_RATE_LIMIT_APP", "100000", "GATEWAY_RATE_LIMIT_ANONYMOUS", "100000", "GATEWAY_RATE_LIMIT_SIGN_IN", "100000");

    /**
     * The services as an operator runs them (docs/operations.md "Logs" and "Traces"): JSON log lines, every trace
     * recorded and exported to the test's trace backend at once, and one line per event a consumer applies.
     */
    static Map<String, String> observability(TraceCollector traces) {
        return Map.of("LOG_FORMAT", "ecs", "LOGGING_LEVEL_IO_EVENTPLATFORM_CONSUMED", "DEBUG",
                "TRACE_SAMPLING", "1.0", "TRACE_EXPORT", "true", "OTLP_TRACES_ENDPOINT", traces.endpoint(),
                "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "200ms");
    }

    /**
     * room-service's usual JVM options (StackConfig) for every service, compiled by C1 alone as for a one-shot
     * command: four services starting together on two cores are up in about 60 % of the time, and no test here
     * measures their speed (the bench does, with the full JIT).
     */
    static final String SERVICE_JVM_OPTIONS = String.join(" ",
            StackConfig.fromEnvironment(Path.of("."), Path.of(".data"), false, Map.of()).commandJvmOptionsFor("room-service"));

    /** The gateway's limits for a request body (a pause between reads, all of it), shorter than its defaults. */
    static final Duration BODY_READ_PAUSE = Duration.ofSeconds(2);
    static final Duration WHOLE_BODY = Duration.ofSeconds(4);
    /** Live connections: pinged this often, dropped after this long without a pong (defaults 25 s and 60 s). */
    static final Duration LIVE_PING_INTERVAL = Duration.ofSeconds(3);
    static final Duration LIVE_IDLE_TIMEOUT = Duration.ofSeconds(6);

    static final Map<String, String> TIMEOUTS = Map.of(
            "PLATFORM_GATEWAY_CLIENTTIMEOUTS_READPAUSE", BODY_READ_PAUSE.toMillis() + "ms",
            "PLATFORM_GATEWAY_CLIENTTIMEOUTS_WHOLEBODY", WHOLE_BODY.toMillis() + "ms",
            "REALTIME_PING_INTERVAL", LIVE_PING_INTERVAL.toMillis() + "ms",
            "REALTIME_IDLE_TIMEOUT", LIVE_IDLE_TIMEOUT.toMillis() + "ms");

    /**
     * The gateway keeps at most this much waiting for one live client; apps' events are not limited per room here (the
     * limit is room-service's tests' subject), so that a test can outrun a client that does not read.
     */
    static final String LIVE_SEND_BUFFER = "64KB";
    static final Map<String, String> LIVE_LIMITS = Map.of("GATEWAY_LIVE_SEND_BUFFER", LIVE_SEND_BUFFER,
            "REALTIME_APP_EVENTS_PER_SECOND", "100000");

    /** {@code ./platform run --fresh}; returns once the launcher says the platform is up. */
    static RunningPlatform start(Path dataDir) throws IOException {
        RunningPlatform platform = launch(dataDir);
        try {
            platform.awaitOutput(READY_LINE);
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    /** {@code ./platform run --fresh}, at once. */
    static RunningPlatform launch(Path dataDir) throws IOException {
        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        StackConfig.Ports ports = StackConfig.Ports.findFree();
        // a file, not a pipe: what the launcher prints while it exits would be lost in a pipe the JDK drains on exit
        Path outputFile = Files.createTempFile("platform-run", ".out");
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("platform").toString(), "run", "--fresh",
                "--data-dir", dataDir.toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(outputFile.toFile());
        builder.environment().putAll(ports.asEnvironment());
        // the Maven reactor has just built the jars under test
        builder.environment().put("PLATFORM_SKIP_BUILD", "true");
        builder.environment().put("PLATFORM_SERVICE_JAVA_OPTS", SERVICE_JVM_OPTIONS);
        // every test's client comes from one address: the limits stay on (their headers are checked) at numbers the
        // tests do not reach; the limits themselves are the gateway's tests' subject
        builder.environment().putAll(RATE_LIMITS);
        // live connections are pinged less often than the gateway's read pause for request bodies and dropped when
        // silent for longer than its limit for a whole body: a test sees pongs flow through and a listening client
        // outlive all three
        builder.environment().putAll(TIMEOUTS);
        builder.environment().putAll(LIVE_LIMITS);
        TraceCollector traces = TraceCollector.start();
        builder.environment().putAll(observability(traces));
        return new RunningPlatform(root, dataDir, ports, builder.start(), outputFile, traces);
    }

    /** Waits until the launcher prints a line that starts with {@code prefix} (leading spaces aside). */
    void awaitOutput(String prefix) {
        await("the launcher to print " + prefix).atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!launcher.isAlive()) {
                        throw new IllegalStateException("./platform run exited with " + launcher.exitValue()
                                + ":\n" + String.join("\n", output()));
                    }
                    return output().stream().anyMatch(line -> line.strip().startsWith(prefix));
                });
    }

    /** {@code ./platform seed} against this platform; returns what it printed (it must exit 0). */
    String seed() throws IOException, InterruptedException {
        return platform("seed");
    }

    /** {@code ./platform <arguments…>} against this platform; returns what it printed (it must exit 0). */
    String platform(String... arguments) throws IOException, InterruptedException {
        Finished finished = platformWith(Map.of(), arguments);
        if (finished.exit() != 0) {
            throw new IllegalStateException("./platform " + String.join(" ", arguments) + " exited with " + finished.exit()
                    + ":\n" + finished.output());
        }
        return finished.output();
    }

    /** What a {@code ./platform} command printed and how it exited. */
    record Finished(int exit, String output) {
    }

    /** {@code ./platform <arguments…>} with extra environment variables, whatever its exit code. */
    Finished platformWith(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        Path out = Files.createTempFile("platform-command", ".out");
        List<String> command = new java.util.ArrayList<>(List.of("bash", root.resolve("platform").toString()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--data-dir", dataDir.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().putAll(ports.asEnvironment());
        builder.environment().put("PLATFORM_SKIP_BUILD", "true");
        builder.environment().putAll(environment);
        Process seed = builder.start();
        if (!seed.waitFor(4, java.util.concurrent.TimeUnit.MINUTES)) {
            seed.destroyForcibly();
        }
        String printed = Files.readString(out);
        Files.deleteIfExists(out);
        return new Finished(seed.exitValue(), printed);
    }

    /** Everything the launcher has printed so far, line by line. */
    List<String> output() {
        try {
            return Files.readAllLines(outputFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String gateway(String path) {
        return "http://localhost:" + ports.gateway() + path;
    }

    long pid(String service) throws IOException {
        return Long.parseLong(Files.readString(dataDir.resolve("run").resolve(service + ".pid")).trim());
    }

    /**
     * One more instance of a running service, started exactly as the launcher started it (its command line and
     * environment, from {@code /proc}) but on {@code port} and with {@code overrides}; returns once it is ready. It
     * stops with the launcher (it watches the same parent), or when the test stops it.
     */
    Process anotherInstance(String service, int port, Map<String, String> overrides) throws IOException {
        Path process = Path.of("/proc", Long.toString(pid(service)));
        ProcessBuilder builder = new ProcessBuilder(nulSeparated(process.resolve("cmdline")))
                .directory(process.resolve("cwd").toRealPath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("logs").resolve(service + "-" + port + ".log").toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        for (String variable : nulSeparated(process.resolve("environ"))) {
            int equals = variable.indexOf('=');
            if (equals > 0) {
                environment.put(variable.substring(0, equals), variable.substring(equals + 1));
            }
        }
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.putAll(overrides);
        Process started = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        URI readiness = URI.create("http://localhost:" + port + "/actuator/health/readiness");
        try {
            await(service + " on port " + port + " to be ready").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptionsInstanceOf(IOException.class).until(() -> {
                        if (!started.isAlive()) {
                            throw new IllegalStateException(service + " on port " + port + " exited with " + started.exitValue());
                        }
                        return http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    });
        } catch (RuntimeException e) {
            started.destroyForcibly();
            throw e;
        }
        return started;
    }

    private static List<String> nulSeparated(Path file) throws IOException {
        return List.of(Files.readString(file, StandardCharsets.UTF_8).split("\0"));
    }

    /** The operator token the launcher made for this data folder. */
    String operatorToken() throws IOException {
        return Files.readString(dataDir.resolve(io.eventplatform.devstack.OperatorCredential.FILE)).trim();
    }

    String log(String service) throws IOException {
        Path log = dataDir.resolve("logs").resolve(service + ".log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** SIGTERM to the launcher, like Ctrl-C; waits until it has stopped everything. */
    void stop() throws InterruptedException {
        launcher.destroy();
        if (!launcher.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)) {
            launcher.destroyForcibly();
            throw new IllegalStateException("the launcher did not stop within 90 s:\n" + String.join("\n", output()));
        }
    }

    @Override
    public void close() {
        if (launcher.isAlive()) {
            try {
                stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        traces.close();
        try {
            Files.deleteIfExists(outputFile);
        } catch (IOException ignored) {
            // a file in the temp folder
        }
    }
}
