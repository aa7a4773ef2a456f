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
    void theSeedsRunAtTheSameTimeAndAreReportedInOrderWithOnlyTheirOneTimeSecrets() throws Exception {
        jars(Map.of("identity-service", FakeSeeds.WaitsForTheRoomSeedAndPrintsASecret.class,
                "room-service", FakeSeeds.Succeeds.class, "prize-service", FakeSeeds.Succeeds.class));

        assertThat(seed()).isZero();

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
    void aSeedThatFailsIsReportedAndTheSeedsWaitingForItsDataAreEnded() throws Exception {
        jars(Map.of("identity-service", FakeSeeds.FailsOnceTheOthersRun.class,
                "room-service", FakeSeeds.WaitsForever.class, "prize-service", FakeSeeds.WaitsForever.class));

        assertThat(seed()).isEqualTo(1);

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .startsWith("  identity-service   FAILED (exit 3)\n").contains("the demo users could not be written")
                .doesNotContain("room-service", "prize-service");
        for (String waiting : new String[] {"room-service", "prize-service"}) {
            long pid = Long.parseLong(Files.readString(FakeSeeds.pidFile(ServiceJars.execJar(root, waiting))));
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as(waiting).isNotEqualTo(java.util.Optional.of(true));
        }
    }

    private int seed() {
        StackConfig config = new StackConfig(root, root.resolve("data"), false, StackConfig.Ports.defaults(),
                StackConfig.DEFAULT_SERVICE_JVM_OPTIONS);
        return Platform.seed(config, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    /** A runnable jar per service whose main class is the given one, loaded from the test's classes. */
    private void jars(Map<String, Class<?>> mains) throws IOException {
        Path classes = Path.of(FakeSeeds.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        for (Map.Entry<String, Class<?>> service : mains.entrySet()) {
            Path jar = ServiceJars.execJar(root, service.getKey());
            Files.createDirectories(jar.getParent());
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, service.getValue().getName());
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(file, manifest)) {
                // the manifest is all it needs
            }
        }
    }

    /** What the stand-ins do; each writes its pid next to its jar first. Asked to extract themselves: exit 1. */
    static final class FakeSeeds {

        private static final Duration PATIENCE = Duration.ofSeconds(30);

        static Path pidFile(Path jar) {
            return jar.resolveSibling("seed.pid");
        }

        private static Path started(String[] args) throws IOException {
            if (args.length > 0 && args[0].equals("extract")) {
                System.exit(1);
            }
            Path jar = Path.of(System.getProperty("java.class.path"));
            Files.writeString(pidFile(jar), Long.toString(ProcessHandle.current().pid()));
            return jar.getParent().getParent().getParent(); // the repository
        }

        private static boolean awaitStarted(Path root, String... services) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            for (String service : services) {
                // the path ServiceJars.execJar gives (this runs without the launcher's classes)
                while (!Files.exists(pidFile(root.resolve(service).resolve("target").resolve(service + "-exec.jar")))) {
                    if (System.nanoTime() > deadline) {
                        return false;
                    }
                    Thread.sleep(10);
                }
            }
            return true;
        }

        static final class Succeeds {
            public static void main(String[] args) throws IOException {
                started(args);
                System.out.println("seeded 3 things");
            }
        }

        static final class WaitsForTheRoomSeedAndPrintsASecret {
            public static void main(String[] args) throws Exception {
                if (!awaitStarted(started(args), "room-service")) {
                    System.exit(4);
                }
                System.out.println("some log line");
                System.out.println("created app (secret shown once): app_fake_v1 sk_live_fake");
            }
        }

        static final class FailsOnceTheOthersRun {
            public static void main(String[] args) throws Exception {
                awaitStarted(started(args), "room-service", "prize-service");
                System.out.println("the demo users could not be written");
                System.exit(3);
            }
        }

        static final class WaitsForever {
            public static void main(String[] args) throws Exception {
                started(args);
                Thread.sleep(PATIENCE.toMillis() * 4);
            }
        }
    }
}
