package io.eventplatform.gateway.ratelimit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One HTTP server standing in for all three services: answers {@code {}} with 200 and counts what it served. */
final class StandInService {

    private final HttpServer server;
    private final AtomicInteger served = new AtomicInteger();

    StandInService() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            served.incrementAndGet();
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** Routes every service of the gateway under test here. */
    void register(DynamicPropertyRegistry registry) {
        for (String name : List.of("identity", "room", "prize")) {
            registry.add("platform.gateway.downstreams." + name, this::url);
        }
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    int served() {
        return served.get();
    }

    void stop() {
        server.stop(0);
    }
}
