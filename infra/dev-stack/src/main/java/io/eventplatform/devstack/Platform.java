package io.eventplatform.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import io.eventplatform.embedded.EmbeddedKafkaServer;
import io.eventplatform.embedded.EmbeddedPostgresServer;
import io.eventplatform.embedded.StartupException;

/**
 * The whole platform on this machine: PostgreSQL, Kafka and the OIDC provider in this JVM, the four services as
 * child processes. {@link #start} returns once every service is ready, or stops everything it started and throws
 * a {@link StartupException} that names the part that failed. {@link #close} stops it all, services first; so does
 * the end of this JVM (Ctrl-C, SIGTERM) from the moment {@link #start} is called, also while it is still starting.
 */
public final class Platform implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(25);

    private final StackConfig config;
    private final PrintStream out;
    private final Deque<AutoCloseable> infrastructure = new ArrayDeque<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<String, Duration> startupTimes = new LinkedHashMap<>();
    private volatile boolean closed;
    private volatile boolean exiting;
    private final CountDownLatch startEnded = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread stopOnExit = new Thread(this::stopOnExit, "platform-stop");
    private final Map<String, String> gatewaySettings;

    private Platform(StackConfig config, PrintStream out, Map<String, String> gatewaySettings) {
        this.config = config;
        this.out = out;
        this.gatewaySettings = gatewaySettings;
    }

    /** Starts infrastructure and services. */
    public static Platform start(StackConfig config, PrintStream out) {
        return start(config, out, true, Map.of());
    }

    /** Starts infrastructure and services, with these environment variables for the gateway (the bench's limits). */
    public static Platform start(StackConfig config, PrintStream out, Map<String, String> gatewaySettings) {
        return start(config, out, true, gatewaySettings);
    }

    /** Starts PostgreSQL, Kafka and the OIDC provider only (to run a service from an IDE against them). */
    public static Platform startInfrastructure(StackConfig config, PrintStream out) {
        return start(config, out, false, Map.of());
    }

    private static Platform start(StackConfig config, PrintStream out, boolean withServices, Map<String, String> gatewaySettings) {
        Platform platform = new Platform(config, out, gatewaySettings);
        // before anything starts: Ctrl-C or SIGTERM during the start stops what has started, PostgreSQL included
        Runtime.getRuntime().addShutdownHook(platform.stopOnExit);
        try {
            platform.prepareDataDir();
            platform.checkPortsFree(withServices);
            // the services' jars are made ready (ServiceJars) while the infrastructure starts
            CompletableFuture<Map<String, Path>> jars = withServices
                    ? CompletableFuture.supplyAsync(platform::serviceJars) : CompletableFuture.completedFuture(Map.of());
            platform.startInfrastructure();
            if (withServices) {
                Map<String, Path> ready = jars.join();
                platform.refuseIfStopped();
                platform.startServices(ready);
            }
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            // a service that exits because the hook stopped it is not why the start ended
            throw platform.exiting && !(e instanceof StoppedWhileStarting) ? new StoppedWhileStarting() : e;
        } finally {
            platform.startEnded.countDown();
        }
    }

    /** The start ended because this JVM is stopping (Ctrl-C, SIGTERM); what had started is stopped. */
    public static final class StoppedWhileStarting extends StartupException {
        StoppedWhileStarting() {
            super("platform", "stopped while starting");
        }
    }

    /** The shutdown hook: stops everything, then waits for a start in progress to stop what it was bringing up. */
    private void stopOnExit() {
        exiting = true;
        out.println("Stopping the event platform...");
        close();
        try {
            if (!startEnded.await(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                out.println("The start in progress did not end in " + STOP_GRACE.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.println("Stopped.");
    }

    /** Blocks until {@link #close} has stopped everything (from the shutdown hook, for {@code ./platform run}). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    private void refuseIfStopped() {
        if (closed) {
            throw new StoppedWhileStarting();
        }
    }

    /** Keeps a part that has come up to stop it later, or stops it now when the platform was stopped meanwhile. */
    private synchronized void keep(AutoCloseable part) {
        if (closed) {
            closeQuietly(part);
            throw new StoppedWhileStarting();
        }
        infrastructure.push(part);
    }

    private void prepareDataDir() {
        try {
            if (config.fresh() && Files.exists(config.dataDir())) {
                out.println("Starting fresh: removing " + config.dataDir());
                Folders.delete(config.dataDir());
            }
            Files.createDirectories(config.logDir());
            // a launcher killed with SIGKILL leaves its PostgreSQL running on our port: stop it before the port check
            EmbeddedPostgresServer.stopOrphan(config.dataDir().resolve("postgres"));
        } catch (IOException e) {
            throw new StartupException("data folder", "cannot prepare " + config.dataDir() + ": " + e.getMessage(), e);
        }
    }

    private void checkPortsFree(boolean withServices) {
        config.ports().byPart().forEach((part, port) -> {
            boolean isService = part.endsWith("-service") || part.equals("gateway");
            if (isService && !withServices) {
                return;
            }
            if (!StackConfig.Ports.isFree(port)) {
                throw new StartupException(part, "port " + port + " is already in use (is the platform already running? "
                        + "move it with the port's environment variable, see README)");
            }
        });
    }

    private void startInfrastructure() {
        refuseIfStopped();
        long started = System.nanoTime();
        CompletableFuture<EmbeddedPostgresServer> postgres = CompletableFuture.supplyAsync(() -> {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(config.dataDir().resolve("postgres"),
                    config.ports().postgres());
            try (java.sql.Connection superuser = server.superuser("postgres")) {
                ServiceDatabases.provisionAll(superuser);
                return server;
            } catch (java.sql.SQLException | RuntimeException e) {
                closeQuietly(server);
                throw new StartupException("postgres", "cannot create the service databases: " + e.getMessage(), e);
            }
        });
        CompletableFuture<EmbeddedKafkaServer> kafka = CompletableFuture.supplyAsync(
                () -> EmbeddedKafkaServer.start(config.dataDir().resolve("kafka"), config.ports().kafka(),
                        config.ports().kafkaController()));
        CompletableFuture<OidcProvider> oidc = CompletableFuture.supplyAsync(() -> OidcProvider.start(config.ports().oidc()));
        RuntimeException failure = null;
        for (CompletableFuture<? extends AutoCloseable> part : List.of(postgres, kafka, oidc)) {
            try {
                keep(part.join());
            } catch (StartupException e) {
                failure = failure == null ? e : failure;
            } catch (CompletionException e) {
                failure = failure == null ? unwrap(e) : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        startupTimes.put("infrastructure", Duration.ofNanos(System.nanoTime() - started));
        out.printf("  %-18s ready on :%d, :%d, :%d%n", "postgres/kafka/oidc", config.ports().postgres(),
                config.ports().kafka(), config.ports().oidc());
    }

    private Map<String, Path> serviceJars() {
        List<String> names = new ArrayList<>(ServiceDatabases.ALL.stream().map(ServiceDatabases::service).toList());
        names.add("gateway");
        return ServiceJars.extractingWith(config.serviceJava()).runnable(config.root(), names);
    }

    private void startServices(Map<String, Path> jars) {
        String operatorHash = OperatorCredential.sha256(OperatorCredential.tokenOf(config.dataDir()));
        for (ServiceDatabases db : ServiceDatabases.ALL) {
            Map<String, String> env = serviceEnvironment(config, db);
            env.put("OPERATOR_TOKEN_SHA256", operatorHash);
            launch(db.service(), jars.get(db.service()), portOf(db.service()), env);
        }
        Map<String, String> gateway = new LinkedHashMap<>(Map.of(
                "SPRING_PROFILES_ACTIVE", "local",
                "OPERATOR_TOKEN_SHA256", operatorHash,
                "KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrapServers(),
                "JWKS_URI", "http://localhost:" + config.ports().identity() + "/.well-known/jwks.json",
                "TOKEN_ISSUER", "http://localhost:" + config.ports().gateway(),
                "IDENTITY_URL", "http://localhost:" + config.ports().identity(),
                "ROOM_URL", "http://localhost:" + config.ports().room(),
                "PRIZE_URL", "http://localhost:" + config.ports().prize()));
        gateway.putAll(gatewaySettings);
        launch("gateway", jars.get("gateway"), config.ports().gateway(), gateway);

        List<CompletableFuture<Void>> ready = services.stream()
                .map(service -> CompletableFuture.runAsync(() -> {
                    service.awaitReady(READY_TIMEOUT);
                    startupTimes.put(service.name(), service.sinceLaunch());
                    out.printf("  %-18s ready on :%d in %.1f s%n", service.name(), service.port(),
                            service.sinceLaunch().toMillis() / 1000.0);
                }))
                .toList();
        RuntimeException failure = null;
        for (CompletableFuture<Void> future : ready) {
            try {
                future.join();
            } catch (CompletionException e) {
                failure = failure == null ? unwrap(e) : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        for (ServiceProcess service : services) {
            service.process().onExit().thenAccept(process -> {
                if (!service.stopping() && !closed) {
                    out.printf("%s exited unexpectedly (exit code %d); the gateway answers its routes with 503. Log: %s%n",
                            service.name(), process.exitValue(), service.log());
                }
            });
        }
    }

    /** What a domain service needs to run against this stack (the same for `run` and `seed`). */
    static Map<String, String> serviceEnvironment(StackConfig config, ServiceDatabases db) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrapServers());
        env.put("JWKS_URI", "http://localhost:" + config.ports().identity() + "/.well-known/jwks.json");
        env.put("TOKEN_ISSUER", "http://localhost:" + config.ports().gateway());
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("DB_URL", config.jdbcUrl(db.database()));
        env.put("DB_USER", db.role());
        env.put("DB_PASSWORD", "");
        if (db.service().equals("identity-service")) {
            env.put("OIDC_ISSUER_URI", config.oidcIssuer());
            // generated on the first start and kept: tokens outlive a restart of identity-service
            env.put("TOKEN_SIGNING_KEY_FILE", config.dataDir().resolve("identity-service").resolve("token-signing-key.jwk")
                    .toString());
        }
        if (db.service().equals("prize-service")) {
            env.put("ROOM_URL", "http://localhost:" + config.ports().room());
            // generated on the first start and kept, so apps' cached keys stay valid across restarts
            env.put("WEBHOOK_SIGNING_KEY_FILE", config.dataDir().resolve("prize-service").resolve("webhook-signing-key.jwk")
                    .toString());
        }
        return env;
    }

    /**
     * Loads each service's demonstration data through its own code, against a running stack: the service jar runs
     * once in seed mode and exits. Idempotent.
     */
    public static int seed(StackConfig config, PrintStream out) {
        // In order: room-service's demo rooms need identity-service's users and apps, prize-service's prizes the rooms
        // (each seed also waits until those have reached its service's replicas). The JVMs start at once, so their
        // starts overlap, and each but the first loads its data when told to go: once the one before it has finished.
        List<Seeding> seedings = new ArrayList<>();
        Map<String, Path> jars = ServiceJars.extractingWith(config.serviceJava())
                .runnable(config.root(), ServiceDatabases.ALL.stream().map(ServiceDatabases::service).toList());
        try {
            for (ServiceDatabases db : ServiceDatabases.ALL) {
                seedings.add(Seeding.start(config, db, jars.get(db.service()), !seedings.isEmpty()));
            }
            for (Seeding seeding : seedings) {
                seeding.go();
                int exit = seeding.process().waitFor();
                List<String> lines = seeding.output();
                out.printf("  %-18s %s%n", seeding.service(), exit == 0 ? "seeded" : "FAILED (exit " + exit + ")");
                if (exit != 0) {
                    lines.stream().filter(line -> !line.startsWith("created app")).skip(Math.max(0, lines.size() - 30))
                            .forEach(out::println);
                    return 1; // the later seeds, still waiting for their turn, are ended below
                }
                lines.stream().filter(line -> line.startsWith("created app (secret shown once): "))
                        .forEach(line -> out.println("    " + line));
            }
            return 0;
        } catch (IOException e) {
            out.println("Cannot run a seed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            seedings.forEach(Seeding::end);
        }
    }

    /** One service's seed at work; its output goes to a scratch file, read once and deleted. */
    private record Seeding(String service, Process process, Path outputFile) {

        static Seeding start(StackConfig config, ServiceDatabases db, Path jar, boolean waitsForGo) throws IOException {
            List<String> command = new ArrayList<>(List.of(config.serviceJava()));
            command.addAll(config.commandJvmOptionsFor(db.service()));
            // a one-shot command (platform-support's DatabaseCommandEnvironment): no web server, no listeners — the
            // running service keeps its replicas current; the seed only reads them
            command.addAll(List.of("-jar", jar.toString(), "--platform.seed=true"));
            if (waitsForGo) { // platform-support's SeedAutoConfiguration
                command.add("--platform.seed-waits-for-go=true");
            }
            // the seed prints one-time app secrets: a scratch file that is read and deleted, never the logs folder
            Path output = config.dataDir().resolve("run").resolve(db.service() + "-seed.out");
            Files.createDirectories(output.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(serviceEnvironment(config, db));
            return new Seeding(db.service(), builder.start(), output);
        }

        /** Its turn: a seed that waits for it starts loading (one that does not never reads it). */
        void go() {
            try (OutputStream input = process.getOutputStream()) {
                input.write("go\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException exited) {
                // it is not reading (it exited already): its exit code says how it went
            }
        }

        List<String> output() throws IOException {
            List<String> lines = Files.readAllLines(outputFile);
            Files.deleteIfExists(outputFile);
            return lines;
        }

        /** Ends the seed if it still runs and deletes what it printed. */
        void end() {
            if (process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(10, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                Files.deleteIfExists(outputFile);
            } catch (IOException ignored) {
                // in the data folder's run directory, which the next seed overwrites
            }
        }
    }

    private int portOf(String service) {
        return switch (service) {
            case "identity-service" -> config.ports().identity();
            case "room-service" -> config.ports().room();
            case "prize-service" -> config.ports().prize();
            default -> throw new IllegalArgumentException(service);
        };
    }

    private void launch(String name, Path jar, int port, Map<String, String> env) {
        ServiceProcess service = ServiceProcess.launch(name, jar, port, env, config.serviceJava(),
                config.jvmOptionsFor(name), config.logDir());
        synchronized (this) {
            if (closed) {
                service.stop(STOP_GRACE);
                throw new StoppedWhileStarting();
            }
            services.add(service);
        }
        writePid(service);
    }

    private void writePid(ServiceProcess service) {
        try {
            Path run = config.dataDir().resolve("run");
            Files.createDirectories(run);
            Files.writeString(run.resolve(service.name() + ".pid"), Long.toString(service.pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception ignored) {
            // already failing; the original error is what gets reported
        }
    }

    private static RuntimeException unwrap(CompletionException e) {
        return e.getCause() instanceof RuntimeException runtime ? runtime : e;
    }

    /** Process ids of the running services, by name (the e2e tests stop one to see the gateway's 503). */
    public Map<String, Long> servicePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach(service -> pids.put(service.name(), service.pid()));
        return pids;
    }

    /** How long each part took from launch to ready. */
    public Map<String, Duration> startupTimes() {
        return Map.copyOf(startupTimes);
    }

    public StackConfig config() {
        return config;
    }

    /** Stops services (gracefully, in parallel), then the OIDC provider, Kafka and PostgreSQL. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != stopOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException alreadyExiting) {
                // the JVM is already stopping: the hook runs and finds everything stopped
            }
        }
        services.stream()
                .map(service -> CompletableFuture.runAsync(() -> service.stop(STOP_GRACE)))
                .toList()
                .forEach(CompletableFuture::join);
        while (!infrastructure.isEmpty()) {
            AutoCloseable part = infrastructure.pop();
            try {
                part.close();
            } catch (Exception e) {
                out.println("Could not stop " + part.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        try (Stream<Path> pids = Files.list(config.dataDir().resolve("run"))) {
            for (Path pid : pids.toList()) {
                Files.deleteIfExists(pid);
            }
        } catch (IOException ignored) {
            // nothing was started
        }
        stopped.countDown();
    }
}
