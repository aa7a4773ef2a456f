package io.eventplatform.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./platform seed} with stand-ins for the services' jars (each one a jar of its own in a repository folder of
 * the test's, running a class of {@link FakeSeeds}): not Spring Boot jars, so they also run unextracted.
 */
class SeedTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void theSeedsStartTogetherLoadOneAfterTheOtherAndAreReportedInOrderWithOnlyTheirOneTimeSecrets() throws Exception {
        jars(Map.of("identity-service", FakeSeeds.WaitsForTheRoomSeedAndPrintsASecret.class,
                "room-service", FakeSeeds.Succeeds.class, "prize-service", FakeSeeds.Succeeds.class));

        assertThat(seed()).isZero();

        // a stand-in exits 6 if told to go before the seed it follows has finished (FakeSeeds.started)
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("""
                  identity-service   seeded
                    created app (secret shown once): app_fake_v1 sk_live_fake
                  room-service       seeded
                  prize-service      seeded
                """);
        try (var scratch = Files.list(root.resolve("data").resolve("run"))) {
            assertThat(scratch).as("what the seeds printed is deleted").isEmpty();
        }
    }

    @Test
    void aSeedThatFailsIsReportedAndTheSeedsWaitingForTheirTurnAreEnded() throws Exception {
        jars(Map.of("identity-service", FakeSeeds.FailsOnceTheOthersRun.class,
                "room-service", FakeSeeds.Succeeds.class, "prize-service", FakeSeeds.Succeeds.class));

        assertThat(seed()).isEqualTo(1);

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .startsWith("  identity-service   FAILED (exit 3)\n").contains("the demo users could not be written")
                .doesNotContain("room-service", "prize-service");
        for (String waiting : new String[] {"room-service", "prize-service"}) {
            Path jar = ServiceJars.execJar(root, waiting);
            long pid = Long.parseLong(Files.readString(FakeSeeds.marker(jar, "pid")));
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as(waiting).isNotEqualTo(java.util.Optional.of(true));
            assertThat(FakeSeeds.marker(jar, "done")).as(waiting + " never loaded").doesNotExist();
        }
    }

    private int seed() {
        StackConfig config = new StackConfig(root, root.resolve("data"), false, StackConfig.Ports.defaults(),
                StackConfig.DEFAULT_SERVICE_JVM_OPTIONS);
        return Platform.seed(config, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    /** A runnable jar per service whose main class is the given one, loaded from the test's classes. */
    private void jars(Map<String, Class<?>> mains) throws IOException {
        // the test's classes, and Awaitility (with Hamcrest) for the stand-ins' waits
        String classPath = java.util.stream.Stream.of(FakeSeeds.class, org.awaitility.Awaitility.class, org.hamcrest.Matcher.class)
                .map(type -> Path.of(type.getProtectionDomain().getCodeSource().getLocation().getPath()).toUri().toString())
                .collect(java.util.stream.Collectors.joining(" "));
        for (Map.Entry<String, Class<?>> service : mains.entrySet()) {
            Path jar = ServiceJars.execJar(root, service.getKey());
            Files.createDirectories(jar.getParent());
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, service.getValue().getName());
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(file, manifest)) {
                // the manifest is all it needs
            }
        }
    }

    /**
     * What the stand-ins do. Each writes its pid next to its jar first; told to wait for its turn, it reads its input
     * like the real seed and checks that the seed before it has finished; it marks when it is done. Asked to extract
     * themselves (the launcher's ServiceJars): exit 1.
     */
    static final class FakeSeeds {

        private static final Duration PATIENCE = Duration.ofSeconds(30);
        private static final Map<String, String> FOLLOWS = Map.of("room-service", "identity-service",
                "prize-service", "room-service");

        static Path marker(Path jar, String name) {
            return jar.resolveSibling("seed." + name);
        }

        /** The path ServiceJars.execJar gives (the stand-ins run without the launcher's classes). */
        private static Path jarOf(Path root, String service) {
            return root.resolve(service).resolve("target").resolve(service + "-exec.jar");
        }

        private static Path started(String[] args) throws IOException {
            if (args.length > 0 && args[0].equals("extract")) {
                System.exit(1);
            }
            Path jar = Path.of(System.getProperty("java.class.path"));
            Path root = jar.getParent().getParent().getParent();
            Files.writeString(marker(jar, "pid"), Long.toString(ProcessHandle.current().pid()));
            if (java.util.List.of(args).contains("--platform.seed-waits-for-go=true")) {
                String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8))
                        .readLine();
                if (!"go".equals(line)) {
                    System.exit(7);
                }
                String service = jar.getParent().getParent().getFileName().toString();
                if (!Files.exists(marker(jarOf(root, FOLLOWS.get(service)), "done"))) {
                    System.exit(6);
                }
            }
            return root;
        }

        private static void done() throws IOException {
            Files.writeString(marker(Path.of(System.getProperty("java.class.path")), "done"), "");
        }

        /** Whether every one of those seeds' JVMs runs (has written its pid) within the patience. */
        private static boolean awaitStarted(Path root, String... services) {
            try {
                org.awaitility.Awaitility.await("the other seeds' JVMs").atMost(PATIENCE).until(() ->
                        java.util.Arrays.stream(services).allMatch(service -> Files.exists(marker(jarOf(root, service), "pid"))));
                return true;
            } catch (org.awaitility.core.ConditionTimeoutException notStarted) {
                return false;
            }
        }

        static final class Succeeds {
            public static void main(String[] args) throws IOException {
                started(args);
                System.out.println("seeded 3 things");
                done();
            }
        }

        /** Goes on only once the room seed's JVM runs: the two started together. */
        static final class WaitsForTheRoomSeedAndPrintsASecret {
            public static void main(String[] args) throws Exception {
                if (!awaitStarted(started(args), "room-service")) {
                    System.exit(4);
                }
                System.out.println("some log line");
                System.out.println("created app (secret shown once): app_fake_v1 sk_live_fake");
                done();
            }
        }

        static final class FailsOnceTheOthersRun {
            public static void main(String[] args) throws Exception {
                awaitStarted(started(args), "room-service", "prize-service");
                System.out.println("the demo users could not be written");
                System.exit(3);
            }
        }
    }
}
