package io.eventplatform.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where everything of the embedded platform lives: the data folder, the repository (for the service jars), and
 * the fixed ports. Each port can be moved with an environment variable (same name as in the README).
 */
public record StackConfig(Path root, Path dataDir, boolean fresh, Ports ports, List<String> serviceJvmOptions) {

    public record Ports(int gateway, int identity, int room, int prize, int postgres, int kafka, int kafkaController,
                        int oidc) {

        public static Ports defaults() {
            return new Ports(8080, 8081, 8082, 8083, 15432, 19092, 19093, 9090);
        }

        public static Ports fromEnvironment(Map<String, String> env) {
            Ports d = defaults();
            return new Ports(port(env, "GATEWAY_PORT", d.gateway), port(env, "IDENTITY_PORT", d.identity),
                    port(env, "ROOM_PORT", d.room), port(env, "PRIZE_PORT", d.prize),
                    port(env, "POSTGRES_PORT", d.postgres), port(env, "KAFKA_PORT", d.kafka),
                    port(env, "KAFKA_CONTROLLER_PORT", d.kafkaController), port(env, "OIDC_PORT", d.oidc));
        }

        private static int port(Map<String, String> env, String name, int fallback) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                int port = Integer.parseInt(value.trim());
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a port number (1-65535), not '" + value + "'");
            }
        }

        /** Free ports picked by the OS, for a second platform beside a running one (the tests use this). */
        public static Ports findFree() {
            List<java.net.ServerSocket> held = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    held.add(new java.net.ServerSocket(0));
                }
                int[] p = held.stream().mapToInt(java.net.ServerSocket::getLocalPort).toArray();
                return new Ports(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                for (java.net.ServerSocket socket : held) {
                    try {
                        socket.close();
                    } catch (java.io.IOException ignored) {
                        // closing a listening socket we own
                    }
                }
            }
        }

        /** Whether nothing listens on {@code port} of localhost (a bind succeeds). */
        public static boolean isFree(int port) {
            try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new java.net.InetSocketAddress("localhost", port));
                return true;
            } catch (java.io.IOException e) {
                return false;
            }
        }

        /** The environment variables that move each port (the names ./platform reads). */
        public Map<String, String> asEnvironment() {
            return Map.of("GATEWAY_PORT", Integer.toString(gateway), "IDENTITY_PORT", Integer.toString(identity),
                    "ROOM_PORT", Integer.toString(room), "PRIZE_PORT", Integer.toString(prize),
                    "POSTGRES_PORT", Integer.toString(postgres), "KAFKA_PORT", Integer.toString(kafka),
                    "KAFKA_CONTROLLER_PORT", Integer.toString(kafkaController), "OIDC_PORT", Integer.toString(oidc));
        }

        /** Every port with the part that binds it, for the "port already in use" check. */
        public Map<String, Integer> byPart() {
            return new java.util.LinkedHashMap<>(Map.of(
                    "postgres", postgres, "kafka", kafka, "kafka-controller", kafkaController, "oidc", oidc,
                    "identity-service", identity, "room-service", room, "prize-service", prize, "gateway", gateway));
        }
    }

    /**
     * Small heaps (four services and the stack share one 2-core machine) and the full JIT: C1 alone starts a few
     * seconds sooner but leaves RSA (every token check) and JSON several times slower (docs/performance.md). The heap
     * ({@link #jvmOptionsFor}) is 256 MB, except room-service's: it holds every live connection, about 85 KiB of heap
     * each, and at 256 MB 2,000 of them left it collecting its full heap every few seconds. The parallel collector:
     * the P3 bench's p99 at 2,000 live connections was lower than with the serial one in four pairs of runs of five
     * (docs/performance.md); its young generation stays at most 32 MB — left to itself it grew to about 85 MB while a
     * service started and kept it, which put every idle service above P6's 300 MB of RSS. With the parallel collector
     * every code-cache cleaning is a full collection, so the code cache keeps the JIT's usual reservation (address
     * space, not memory) and is cleaned once its code has grown by half of it (120 MB) since the last cleaning: a
     * 96 MB cache asked for one (170–570 ms) in every service during every P3 run, the default share (15 %, 36 MB)
     * still in one service of every run (220–1,000 ms). Metaspace starts at 128 MB, above what a service's classes
     * take (about 75 MB), so loading them does not trigger three full collections during the start either.
     * The gateway's Netty loads its native transport: allowed explicitly, so a JDK 24+ neither warns at each start
     * that it will refuse that one day nor does (JDK 17 accepts the option too).
     */
    static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of(
            "-Xms64m", "-Xss512k", "-XX:+UseParallelGC", "-XX:MaxNewSize=32m", "-XX:ReservedCodeCacheSize=240m",
            "-XX:SweeperThreshold=50", "-XX:MetaspaceSize=128m", "-XX:MaxMetaspaceSize=192m",
            "--enable-native-access=ALL-UNNAMED");
    static final String DEFAULT_HEAP = "-Xmx256m";
    static final Map<String, String> HEAP_BY_SERVICE = Map.of("room-service", "-Xmx512m");

    /** As {@code ./platform} starts: ports and the services' JVM options from {@code env} (the names in the README). */
    public static StackConfig fromEnvironment(Path root, Path dataDir, boolean fresh, Map<String, String> env) {
        String javaOpts = env.get("PLATFORM_SERVICE_JAVA_OPTS");
        List<String> jvmOptions = javaOpts == null || javaOpts.isBlank()
                ? DEFAULT_SERVICE_JVM_OPTIONS
                : List.of(javaOpts.trim().split("\\s+"));
        return new StackConfig(root, dataDir, fresh, Ports.fromEnvironment(env), jvmOptions);
    }

    /** A service's JVM options: the defaults with its heap, or exactly what {@code PLATFORM_SERVICE_JAVA_OPTS} says. */
    public List<String> jvmOptionsFor(String service) {
        if (!serviceJvmOptions.equals(DEFAULT_SERVICE_JVM_OPTIONS)) {
            return serviceJvmOptions;
        }
        List<String> options = new ArrayList<>(serviceJvmOptions);
        options.add(1, HEAP_BY_SERVICE.getOrDefault(service, DEFAULT_HEAP));
        return List.copyOf(options);
    }

    /**
     * A one-shot command's JVM ({@code ./platform db}, {@code seed}): the service's options, compiled by C1 alone — it
     * runs for seconds, so the sooner start is what counts (about a third less CPU per command).
     */
    public List<String> commandJvmOptionsFor(String service) {
        List<String> options = new ArrayList<>(jvmOptionsFor(service));
        options.add("-XX:TieredStopAtLevel=1");
        return List.copyOf(options);
    }

    /** A platform beside any other (free ports, a fresh data folder), with the services' JVM options as for run. */
    public static StackConfig forBench(Path root, Path dataDir) {
        StackConfig usual = fromEnvironment(root, dataDir, true, System.getenv());
        return new StackConfig(root, dataDir, true, Ports.findFree(), usual.serviceJvmOptions());
    }

    /**
     * The java that runs the services: {@code PLATFORM_SERVICE_JAVA_HOME}'s if set (e.g. a newer JDK than the one
     * running the launcher, whose embedded Kafka broker needs JDK 17–23), else the launcher's own.
     */
    public String serviceJava() {
        String home = System.getenv("PLATFORM_SERVICE_JAVA_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home.trim(), "bin", "java").toString();
        }
        return ProcessHandle.current().info().command().orElse("java");
    }

    public Path logDir() {
        return logDir(dataDir);
    }

    /** Where a platform with its data in {@code dataDir} writes its logs. */
    public static Path logDir(Path dataDir) {
        return dataDir.resolve("logs");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + ports.postgres + "/" + database;
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + ports.kafka;
    }

    public String oidcIssuer() {
        return "http://localhost:" + ports.oidc + "/" + OidcProvider.ISSUER_ID;
    }
}
