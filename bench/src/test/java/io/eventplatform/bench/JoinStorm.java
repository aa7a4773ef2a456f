package io.eventplatform.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.util.Set;

/**
 * P1: distinct users join one active room, {@code bench.clients} clients (closed model), each client taking the
 * next user's token until every user has joined once.
 */
public class JoinStorm extends MeasuredSimulation {

    public JoinStorm() {
        super(Set.of(201));
        BenchInput.Queue tokens = new BenchInput.Queue(BenchInput.lines("tokens"));
        String room = BenchInput.value("room");
        setUp(scenario("P1 join storm")
                .exec(Scenarios.eachOnce(tokens, "token", Scenarios.measured(results, Scenarios.join(room))))
                .injectOpen(atOnceUsers(BenchInput.number("clients", 64))))
                .protocols(Scenarios.protocol(BenchInput.url()));
    }
}
