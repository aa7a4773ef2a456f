package io.eventplatform.devstack.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;

/**
 * What the scenarios run against, made through the API before anything is measured: an app, an organizer, users
 * with tokens, rooms (some of them active), the warm-up room and the join-storm room.
 */
record BenchData(String admin, String organizer, List<String> userTokens, List<String> rooms,
                 String warmupRoom, String stormRoom) {

    static final String APP = "app_bench";
    private static final int PARALLEL = 32;

    static BenchData prepare(Api api, int users, int rooms, int activeRooms, java.io.PrintStream out) {
        String admin = api.login("admin@example.com");
        String manifest = """
                {"meta": {"name": "Bench", "version": "1.0.0", "description": "the benchmark's rooms"},
                 "baseUrl": "https://bench.example.com", "capabilities": ["prizeFund"],
                 "permissions": ["rooms:read", "prizes:write"]}""";
        Api.Response registered = api.send("POST", "/api/v1/apps", admin, "{\"appId\":\"" + APP + "\",\"manifest\":" + manifest + "}");
        if (registered.status() != 201 && registered.status() != 409) {
            throw new IllegalStateException("cannot register the bench app: " + registered.body());
        }
        String organizer = api.login("bench-organizer@example.com");
        String first = Waits.until("room-service knows the bench app", () -> {
            Api.Response created = api.send("POST", "/api/v1/rooms", organizer, room(0));
            return created.status() == 201 ? created.data().get("id").asString() : null;
        });

        long started = System.nanoTime();
        List<String> tokens = inParallel(users, i -> api.login("bench-user-" + i + "-" + System.nanoTime() + "@example.com"));
        out.printf("  prepared %,d users with tokens in %.1f s%n", users, (System.nanoTime() - started) / 1e9);

        started = System.nanoTime();
        List<String> ids = new ArrayList<>(inParallel(rooms - 1, i ->
                api.expect(201, "POST", "/api/v1/rooms", organizer, room(i + 1)).get("id").asString()));
        ids.add(0, first);
        inParallel(activeRooms, i -> api.expect(200, "PATCH", "/api/v1/rooms/" + ids.get(i), organizer,
                "{\"status\":\"active\"}").get("id").asString());
        out.printf("  prepared %,d rooms (%,d active) in %.1f s%n", rooms, activeRooms, (System.nanoTime() - started) / 1e9);
        return new BenchData(admin, organizer, tokens, ids.subList(0, activeRooms), activeRoom(api, organizer, "Warm-up"),
                activeRoom(api, organizer, "Join storm"));
    }

    /** A new active room of the bench app. */
    static String activeRoom(Api api, String organizer, String name) {
        JsonNode room = api.expect(201, "POST", "/api/v1/rooms", organizer,
                "{\"name\":\"" + name + "\",\"appId\":\"" + APP + "\"}");
        String id = room.get("id").asString();
        api.expect(200, "PATCH", "/api/v1/rooms/" + id, organizer, "{\"status\":\"active\"}");
        return id;
    }

    private static String room(int i) {
        return "{\"name\":\"Bench room " + i + "\",\"appId\":\"" + APP + "\",\"description\":\"prepared by ./platform bench\"}";
    }

    /** {@code count} calls, {@value #PARALLEL} at a time; their results in order. */
    static <T> List<T> inParallel(int count, IntFunction<T> call) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> call.apply(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return Collections.unmodifiableList(results);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }
}
