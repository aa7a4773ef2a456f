package io.eventplatform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.gatling.app.Gatling$;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's simulations, run by Gatling on a few requests against a real HTTP server standing in for the
 * platform, so that the harness (simulations, their inputs, the results file the bench reads) cannot rot.
 */
class BenchHarnessTest {

    @TempDir
    Path dir;

    HttpServer server;
    final Set<String> joinedWith = ConcurrentHashMap.newKeySet();
    final AtomicInteger gets = new AtomicInteger();

    @BeforeEach
    void standIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 128);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/api/v1/rooms", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                int status;
                if (exchange.getRequestMethod().equals("POST")) {
                    boolean first = joinedWith.add(exchange.getRequestHeaders().getFirst("Authorization"));
                    status = first ? 201 : 409;
                } else {
                    gets.incrementAndGet();
                    status = 200;
                }
                byte[] body = "{\"data\":{}}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        System.setProperty("bench.url", "http://localhost:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("bench."))
                .forEach(System::clearProperty);
    }

    @Test
    void theJoinStormJoinsEachUserOnceAndCountsTheJoins() throws Exception {
        Path tokens = Files.write(dir.resolve("tokens.txt"), List.of("t1", "t2", "t3", "t4", "t5", "t6", "t7"));
        System.setProperty("bench.tokens", tokens.toString());
        System.setProperty("bench.room", "room_1");
        System.setProperty("bench.clients", "3");

        String results = run(JoinStorm.class);

        assertThat(joinedWith).containsExactlyInAnyOrder("Bearer t1", "Bearer t2", "Bearer t3", "Bearer t4",
                "Bearer t5", "Bearer t6", "Bearer t7");
        assertThat(results).contains("\"requests\":7,\"ok\":7,\"errors\":0,\"statuses\":{\"201\":7}");
    }

    @Test
    void oneClientCountsEveryAnswerAndAnUnexpectedStatusAsAnError() throws Exception {
        System.setProperty("bench.token", "t1");
        System.setProperty("bench.room", "room_1");
        System.setProperty("bench.requests", "5");

        String results = run(SingleClient.class);

        assertThat(gets).hasValue(5);
        assertThat(results).contains("\"requests\":5,\"ok\":5,\"errors\":0");

        server.removeContext("/api/v1/rooms");
        server.createContext("/api/v1/rooms", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(503, -1);
            }
        });
        assertThat(run(SingleClient.class)).contains("\"requests\":5,\"ok\":0,\"errors\":5,\"statuses\":{\"503\":5}");
    }

    private String run(Class<?> simulation) throws IOException {
        Path output = dir.resolve(simulation.getSimpleName() + "-" + System.nanoTime() + ".json");
        System.setProperty("bench.output", output.toString());
        Gatling$.MODULE$.fromArgs(new String[]{"-s", simulation.getName(), "-rf", dir.resolve("gatling").toString()});
        assertThat(Files.list(dir.resolve("gatling")).anyMatch(report -> Files.exists(report.resolve("index.html"))))
                .as("Gatling's HTML report").isTrue();
        return Files.readString(output);
    }
}
