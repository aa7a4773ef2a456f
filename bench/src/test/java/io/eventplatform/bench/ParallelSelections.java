package io.eventplatform.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.util.Set;

/**
 * P5: one winner selection per participant of {@code bench.participants}, all at once, on the prize
 * {@code bench.prize}; 201 and 409 are the expected answers (the prize has fewer units than selections).
 */
public class ParallelSelections extends MeasuredSimulation {

    public ParallelSelections() {
        super(Set.of(201, 409));
        BenchInput.Queue participants = new BenchInput.Queue(BenchInput.lines("participants"));
        String token = BenchInput.value("token");
        String room = BenchInput.value("room");
        String prize = BenchInput.value("prize");
        setUp(scenario("P5 parallel selections")
                .exec(session -> session.set("token", token).set("participant", participants.take()))
                .exec(Scenarios.measured(results, http("select winner").post("/api/v1/rooms/" + room + "/winners")
                        .body(StringBody("{\"participantId\":\"#{participant}\",\"prizeId\":\"" + prize + "\"}"))))
                .injectOpen(atOnceUsers(BenchInput.number("clients", 200))))
                .protocols(Scenarios.protocol(BenchInput.url()));
    }
}
