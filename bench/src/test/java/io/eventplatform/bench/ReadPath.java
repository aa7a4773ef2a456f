package io.eventplatform.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.util.Set;

/**
 * P2: {@code bench.clients} clients (closed model) for {@code bench.seconds}, each in turn listing page 1 of the
 * public active rooms and getting one room picked at random from {@code bench.rooms}.
 */
public class ReadPath extends MeasuredSimulation {

    public ReadPath() {
        super(Set.of(200));
        BenchInput.Queue rooms = new BenchInput.Queue(BenchInput.lines("rooms"));
        String token = BenchInput.value("token");
        setUp(scenario("P2 read path")
                .exec(session -> session.set("token", token))
                .during(BenchInput.seconds("seconds", 20)).on(
                        Scenarios.measured(results, Scenarios.listActiveRooms())
                                .exec(session -> session.set("room", rooms.any()))
                                .exec(Scenarios.measured(results, Scenarios.getRoom())))
                .injectOpen(atOnceUsers(BenchInput.number("clients", 64))))
                .protocols(Scenarios.protocol(BenchInput.url()));
    }
}
