package io.eventplatform.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJarsTest {

    @TempDir
    Path root;

    /** Stands in for Spring Boot's jar tools: writes the application jar and a file naming the build it came from. */
    private final AtomicInteger extractions = new AtomicInteger();
    private final ServiceJars jars = new ServiceJars((execJar, destination) -> {
        extractions.incrementAndGet();
        Files.createDirectories(destination.resolve("lib"));
        Files.copy(execJar, destination.resolve(execJar.getFileName()));
        Files.writeString(destination.resolve("lib").resolve("from.txt"), Files.readString(execJar));
        return true;
    });

    @Test
    void aBuildOfTheJarIsExtractedOnceNextToItAndRunFromThere() throws IOException {
        Path exec = build("room-service", "build 1");

        Path first = jars.runnable(exec);
        Path second = jars.runnable(exec);

        assertThat(first).isEqualTo(root.resolve("room-service/target/room-service-exec/room-service-exec.jar"))
                .isEqualTo(second).isRegularFile();
        assertThat(extractions).hasValue(1);
    }

    @Test
    void aNewBuildIsExtractedAgainAndReplacesTheOldOne() throws IOException {
        Path exec = build("room-service", "build 1");
        Path extracted = jars.runnable(exec);
        Files.writeString(extracted.resolveSibling("left-by-build-1"), "");

        build("room-service", "build 2, a different jar");
        Path again = jars.runnable(exec);

        assertThat(again).isEqualTo(extracted);
        assertThat(extractions).hasValue(2);
        assertThat(again.resolveSibling("lib").resolve("from.txt")).hasContent("build 2, a different jar");
        assertThat(again.resolveSibling("left-by-build-1")).doesNotExist();
    }

    @Test
    void aJarThatCannotBeExtractedRunsAsItIsAndLeavesNothingBehind() throws IOException {
        Path exec = build("prize-service", "build 1");
        ServiceJars failing = new ServiceJars((execJar, destination) -> {
            Files.createDirectories(destination);
            Files.writeString(destination.resolve("half-written"), "");
            return false;
        });

        assertThat(failing.runnable(exec)).isEqualTo(exec);
        try (var left = Files.list(exec.getParent())) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("prize-service-exec.jar", ".prize-service-exec.lock");
        }
    }

    @Test
    void aMissingJarIsLeftForTheCallerToReport() {
        Path missing = ServiceJars.execJar(root, "gateway");

        assertThat(jars.runnable(missing)).isEqualTo(missing);
        assertThat(extractions).hasValue(0);
    }

    @Test
    void callersAtTheSameTimeShareOneExtraction() throws Exception {
        Path exec = build("identity-service", "build 1");
        ExecutorService callers = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Path>> answers = java.util.stream.IntStream.range(0, 8)
                    .mapToObj(i -> callers.submit(() -> {
                        go.await();
                        return jars.runnable(exec);
                    })).toList();
            go.countDown();
            Set<Path> runnable = ConcurrentHashMap.newKeySet();
            for (Future<Path> answer : answers) {
                runnable.add(answer.get());
            }
            assertThat(runnable).containsExactly(exec.resolveSibling("identity-service-exec").resolve("identity-service-exec.jar"));
            assertThat(extractions).hasValue(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void everyServiceOfARunIsMadeReadyAtOnce() throws IOException {
        for (String service : List.of("identity-service", "room-service", "gateway")) {
            build(service, service);
        }

        assertThat(jars.runnable(root, List.of("identity-service", "room-service", "gateway")))
                .containsOnlyKeys("identity-service", "room-service", "gateway")
                .hasEntrySatisfying("gateway", jar -> assertThat(jar).isEqualTo(
                        root.resolve("gateway/target/gateway-exec/gateway-exec.jar")));
        assertThat(extractions).hasValue(3);
    }

    private Path build(String service, String content) throws IOException {
        Path exec = ServiceJars.execJar(root, service);
        Files.createDirectories(exec.getParent());
        Files.writeString(exec, content);
        return exec;
    }
}
