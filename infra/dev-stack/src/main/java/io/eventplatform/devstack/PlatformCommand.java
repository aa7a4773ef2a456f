package io.eventplatform.devstack;

import io.eventplatform.embedded.StartupException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The Java side of {@code ./platform}: {@code run} starts the whole platform and keeps it running until
 * Ctrl-C / SIGTERM; {@code stack} starts only PostgreSQL, Kafka and the OIDC provider.
 */
public final class PlatformCommand {

    static final String READY_LINE = "Event platform is up";

    private PlatformCommand() {
    }

    public static void main(String[] args) {
        // named so that it never shadows the logging setup of an application that has this jar on its classpath
        System.setProperty("logback.configurationFile", "logback-devstack.xml");
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.isEmpty() || rest.contains("--help") || rest.contains("-h")) {
            out.println(usage());
            return rest.isEmpty() ? 2 : 0;
        }
        String command = rest.remove(0);
        if (command.equals("webhook-key")) {
            String[] key = WebhookKey.generate();
            out.println("WEBHOOK_SIGNING_KEY='" + key[0] + "'");
            out.println("# its public half, for platform.webhooks.signing.previous once it is replaced: " + key[1]);
            return 0;
        }
        if (command.equals("bench")) {
            Path root = Path.of(option(rest, "--root", System.getProperty("user.dir"))).toAbsolutePath().normalize();
            return io.eventplatform.devstack.bench.Bench.run(rest, root, out, err);
        }
        boolean fresh = rest.remove("--fresh");
        Path root = Path.of(option(rest, "--root", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        Path dataDir = Path.of(option(rest, "--data-dir", root.resolve(".data").toString())).toAbsolutePath().normalize();
        if (command.equals("db")) {
            try {
                return DatabaseWorkflow.run(rest, StackConfig.fromEnvironment(root, dataDir, false, System.getenv()),
                        System.getenv(), out, err);
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return 2;
            }
        }
        if (!rest.isEmpty()) {
            err.println("Unknown arguments: " + String.join(" ", rest) + "\n" + usage());
            return 2;
        }
        StackConfig config;
        try {
            config = StackConfig.fromEnvironment(root, dataDir, fresh, System.getenv());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        return switch (command) {
            case "run" -> runUntilStopped(config, true, out, err);
            case "stack" -> runUntilStopped(config, false, out, err);
            case "oidc" -> runOidcOnly(config, out, err);
            case "seed" -> Platform.seed(config, out);
            default -> {
                err.println("Unknown command: " + command + "\n" + usage());
                yield 2;
            }
        };
    }

    private static int runUntilStopped(StackConfig config, boolean withServices, PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        out.println("Starting the event platform (data: " + config.dataDir() + ", logs: " + config.logDir() + ")");
        Platform platform;
        try {
            platform = withServices ? Platform.start(config, out) : Platform.startInfrastructure(config, out);
        } catch (Platform.StoppedWhileStarting e) {
            err.println("Stopped before the platform was up.");
            return 1;
        } catch (StartupException e) {
            err.println("FAILED to start " + e.getMessage());
            err.println("Everything that had started was stopped.");
            return 1;
        }
        out.println();
        out.printf("%s (%.1f s).%n", READY_LINE, Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
        out.println(urls(config, withServices));
        out.println("Press Ctrl-C to stop.");
        try {
            platform.awaitStopped(); // Ctrl-C or SIGTERM: the platform's shutdown hook stops it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Only the OIDC provider, bound to OIDC_HOST (default localhost): the compose file's dev provider. */
    private static int runOidcOnly(StackConfig config, PrintStream out, PrintStream err) {
        String host = System.getenv().getOrDefault("OIDC_HOST", "localhost");
        OidcProvider oidc;
        try {
            oidc = OidcProvider.start(host, config.ports().oidc());
        } catch (StartupException e) {
            err.println("FAILED to start " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            oidc.close();
            stopped.countDown();
        }, "oidc-stop"));
        out.printf("OIDC provider up: issuer http://%s:%d/%s%n", host, config.ports().oidc(), OidcProvider.ISSUER_ID);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static String urls(StackConfig config, boolean withServices) {
        StackConfig.Ports p = config.ports();
        StringBuilder text = new StringBuilder();
        if (withServices) {
            text.append(String.format("  Gateway (the API)   http://localhost:%d/api/v1%n", p.gateway()));
            text.append(String.format("  Health              http://localhost:%d/actuator/health%n", p.gateway()));
            text.append(String.format("  Services            identity :%d, room :%d, prize :%d%n", p.identity(), p.room(), p.prize()));
            text.append(String.format("  Get a token         curl -s -X POST localhost:%d/api/v1/auth/dev/login "
                    + "-H 'Content-Type: application/json' -d '{\"email\":\"admin@example.com\"}'%n", p.gateway()));
            text.append(String.format("  Metrics             curl -H \"Authorization: Bearer $(cat %s)\" "
                    + "localhost:%d/actuator/prometheus%n", config.dataDir().resolve(OperatorCredential.FILE), p.gateway()));
        }
        text.append(String.format("  PostgreSQL          %s (databases identity, room, prize)%n", config.jdbcUrl("<db>")));
        text.append(String.format("  Kafka               %s%n", config.kafkaBootstrapServers()));
        text.append(String.format("  OIDC issuer         %s%n", config.oidcIssuer()));
        text.append(String.format("  Logs                %s", config.logDir()));
        return text.toString();
    }

    /** Takes {@code name VALUE} out of {@code args}: the value, or {@code fallback} when the option is absent. */
    public static @org.jspecify.annotations.Nullable String option(List<String> args, String name,
                                                                  @org.jspecify.annotations.Nullable String fallback) {
        int index = args.indexOf(name);
        if (index < 0) {
            return fallback;
        }
        if (index + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        String value = args.get(index + 1);
        args.remove(index + 1);
        args.remove(index);
        return value;
    }

    static String usage() {
        return """
                usage: platform run   [--fresh] [--data-dir DIR]   start everything; Ctrl-C stops it
                       platform stack [--fresh] [--data-dir DIR]   start PostgreSQL, Kafka and OIDC only
                       platform oidc                               start the OIDC provider only (OIDC_HOST, OIDC_PORT)
                       platform seed                               load the demo data into a running platform (idempotent)
                       platform bench [--url URL] [--scenario P1,P7]   measure the quality scenarios (see README)
                       platform db validate|migrate|info [--service identity|room|prize|all] [--url JDBC_URL]
                       platform db reset [--service room] [--yes] [--force]   drop, migrate, rebuild replicas, seed
                       platform db new --service room "what it does"   write the next migration file
                       platform db seed                            the demo data (same as platform seed)
                       platform webhook-key                        print a new webhook signing key (WEBHOOK_SIGNING_KEY)
                  --fresh      start from empty data (deletes the data folder first)
                  --data-dir   where data and logs live (default: .data in the project)
                Ports move with GATEWAY_PORT, IDENTITY_PORT, ROOM_PORT, PRIZE_PORT, POSTGRES_PORT, KAFKA_PORT,
                KAFKA_CONTROLLER_PORT, OIDC_PORT.""";
    }
}
