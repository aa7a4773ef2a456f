package io.eventplatform.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.util.Set;

/**
 * Not measured: {@code bench.clients} clients for {@code bench.seconds} joining a warm-up room (each user of
 * {@code bench.tokens} once) and reading rooms, so that the JIT has compiled the hot paths before the scenarios.
 */
public class Warmup extends MeasuredSimulation {

    public Warmup() {
        super(Set.of(200, 201));
        BenchInput.Queue tokens = new BenchInput.Queue(BenchInput.lines("tokens"));
        BenchInput.Queue rooms = new BenchInput.Queue(BenchInput.lines("rooms"));
        String room = BenchInput.value("room");
        setUp(scenario("warm-up")
                .during(BenchInput.seconds("seconds", 30)).on(
                        io.gatling.javaapi.core.CoreDsl.exec(session -> {
                                    String token = tokens.take();
                                    return session.set("token", token == null ? tokens.any() : token).set("room", rooms.any());
                                })
                                .exec(Scenarios.measured(results, Scenarios.join(room)))
                                .exec(Scenarios.measured(results, Scenarios.listActiveRooms()))
                                .exec(Scenarios.measured(results, Scenarios.getRoom())))
                .injectOpen(atOnceUsers(BenchInput.number("clients", 64))))
                .protocols(Scenarios.protocol(BenchInput.url()));
    }
}
