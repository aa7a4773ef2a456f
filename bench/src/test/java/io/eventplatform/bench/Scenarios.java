package io.eventplatform.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CoreDsl;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/** The requests the simulations are made of, each measured into a {@link Results}. */
final class Scenarios {

    private Scenarios() {
    }

    /** JSON in and out, against one base URL; no warm-up call to any outside address. */
    static HttpProtocolBuilder protocol(String baseUrl) {
        return http.baseUrl(baseUrl).acceptHeader("application/json").contentTypeHeader("application/json")
                .disableWarmUp().disableCaching();
    }

    /** {@code request}, timed into {@code results}, with the bearer token in the session's {@code token}. */
    static ChainBuilder measured(Results results, HttpRequestActionBuilder request) {
        return CoreDsl.exec(results::started)
                .exec(request.header("Authorization", "Bearer #{token}")
                        .check(status().saveAs("status"), responseTimeInMillis().saveAs("rt")))
                .exec(results::record);
    }

    /** Runs {@code chain} once for each value of {@code queue} (shared by all clients), the value in {@code key}. */
    static ChainBuilder eachOnce(BenchInput.Queue queue, String key, ChainBuilder chain) {
        return CoreDsl.exec(session -> take(queue, key, session))
                .asLongAs(session -> session.contains(key)).on(chain.exec(session -> take(queue, key, session)));
    }

    private static Session take(BenchInput.Queue queue, String key, Session session) {
        String value = queue.take();
        return value == null ? session.remove(key) : session.set(key, value);
    }

    static HttpRequestActionBuilder join(String room) {
        return http("join").post("/api/v1/rooms/" + room + "/participants").body(StringBody("{}"));
    }

    static HttpRequestActionBuilder listActiveRooms() {
        return http("list rooms").get("/api/v1/rooms?status=active&limit=20");
    }

    static HttpRequestActionBuilder getRoom() {
        return http("get room").get("/api/v1/rooms/#{room}");
    }
}
