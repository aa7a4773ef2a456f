package io.eventplatform.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.util.Set;

/**
 * P7 (one side of it): one client getting the room {@code bench.room} {@code bench.requests} times in a row from
 * {@code bench.url}. The bench runs it once directly on room-service and once through the gateway.
 */
public class SingleClient extends MeasuredSimulation {

    public SingleClient() {
        super(Set.of(200));
        String token = BenchInput.value("token");
        String room = BenchInput.value("room");
        setUp(scenario("P7 one client")
                .exec(session -> session.set("token", token).set("room", room))
                .repeat(BenchInput.number("requests", 2000)).on(Scenarios.measured(results, Scenarios.getRoom()))
                .injectOpen(atOnceUsers(1)))
                .protocols(Scenarios.protocol(BenchInput.url()));
    }
}
