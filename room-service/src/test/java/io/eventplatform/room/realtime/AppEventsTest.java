package io.eventplatform.room.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.room.RoomApiTestSupport;
import io.eventplatform.room.RoomWorld;
import io.eventplatform.testing.LiveClient;
import io.eventplatform.testing.Parallel;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /rooms/{roomId}/events}: apps' own events, delivered live like every other event, and limited per room. */
class AppEventsTest extends RoomApiTestSupport {

    @Test
    void anAppsEventReachesTheRoomsClientsAsItWasSent() {
        RoomWorld.User organizer = world.registeredUser("organizer");
        RoomWorld.App app = world.lotteryApp(List.of("realtime:publish", "realtime:subscribe"));
        String roomId = world.room(organizer, app.appId(), true, "active").get("id").asString();
        try (LiveClient live = LiveClient.connect(LiveClient.endpoint(port), Map.of("Authorization", "Bearer " + organizer.token()))) {
            live.next("auth");
            live.subscribe(roomId, null);
            HttpResponse<String> response = api.post("/api/v1/rooms/" + roomId + "/events", app.token(),
                    "{\"event\":\"" + app.appId() + ":draw_started\",\"data\":{\"countdown\":3,\"note\":null}}");
            JsonNode accepted = api.data(response, 202);
            JsonNode pushed = live.next(app.appId() + ":draw_started");
            assertThat(pushed.path("eventId").asString()).isEqualTo(accepted.path("eventId").asString());
            assertThat(pushed.path("roomId").asString()).isEqualTo(roomId);
            assertThat(pushed.path("data")).isEqualTo(api.json("{\"countdown\":3,\"note\":null}"));
        }
    }

    @Test
    void onlyTheRoomsOwnAppWithRealtimePublishAndAProperNameMayPublish() {
        RoomWorld.User organizer = world.registeredUser("organizer");
        RoomWorld.App app = world.lotteryApp(List.of("realtime:publish"));
        String roomId = world.room(organizer, app.appId(), true, "active").get("id").asString();
        String path = "/api/v1/rooms/" + roomId + "/events";
        String body = "{\"event\":\"" + app.appId() + ":hello\",\"data\":{}}";

        api.error(api.post(path, organizer.token(), body), 403, "FORBIDDEN");
        api.error(api.post(path, world.appToken(app.appId(), List.of("rooms:read")), body), 403, "APP_PERMISSION_DENIED");
        RoomWorld.App other = world.lotteryApp(List.of("realtime:publish"));
        api.error(api.post(path, other.token(), "{\"event\":\"" + other.appId() + ":hello\"}"), 403, "APP_PERMISSION_DENIED");

        JsonNode wrongNamespace = api.error(api.post(path, app.token(), "{\"event\":\"" + other.appId() + ":hello\"}"),
                422, "VALIDATION_ERROR");
        assertThat(wrongNamespace.toString()).contains("event");
        api.error(api.post(path, app.token(), "{\"event\":\"" + app.appId() + ":Hello!\"}"), 422, "VALIDATION_ERROR");
        api.error(api.post(path, app.token(), "{\"data\":{}}"), 422, "VALIDATION_ERROR");
        api.error(api.post(path, app.token(), "{\"event\":\"" + app.appId() + ":big\",\"data\":{\"x\":\""
                + "y".repeat(17 * 1024) + "\"}}"), 422, "VALIDATION_ERROR");
        api.error(api.post(path, app.token(), "{\"event\":\"" + app.appId() + ":list\",\"data\":[1]}"), 422, "VALIDATION_ERROR");
    }

    @Test
    void aRoomTakesAtMostTheConfiguredNumberPerSecondAndSaysWhenToRetry() throws Exception {
        RoomWorld.User organizer = world.registeredUser("organizer");
        RoomWorld.App app = world.lotteryApp(List.of("realtime:publish"));
        String roomId = world.room(organizer, app.appId(), true, "active").get("id").asString();
        String body = "{\"event\":\"" + app.appId() + ":tick\"}";
        Map<Integer, Long> statuses = Parallel.statuses(30, i -> api.post("/api/v1/rooms/" + roomId + "/events", app.token(), body));
        assertThat(statuses.keySet()).containsOnly(202, 429);
        assertThat(statuses.get(429)).isPositive();
        // each accepted event is in the outbox: never more than the limit (3 in these tests) per second they span
        Map<String, Object> span = jdbc.queryForMap("""
                SELECT count(*) AS accepted, extract(epoch FROM date_trunc('second', max(created_at))
                       - date_trunc('second', min(created_at)))::int + 1 AS seconds
                FROM outbox_events WHERE message_key = ? AND event_type = 'AppEventPublished'""", roomId);
        assertThat((Long) span.get("accepted")).isEqualTo(statuses.get(202))
                .isLessThanOrEqualTo(3L * (Integer) span.get("seconds"));

        HttpResponse<String> refused = api.post("/api/v1/rooms/" + roomId + "/events", app.token(), body);
        while (refused.statusCode() == 202) {
            refused = api.post("/api/v1/rooms/" + roomId + "/events", app.token(), body);
        }
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        api.error(refused, 429, "RATE_LIMIT_EXCEEDED");
    }
}
