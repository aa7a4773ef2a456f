package io.eventplatform.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.testing.MalformedRequests;
import io.eventplatform.testing.MalformedRequests.Endpoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated malformed requests to every room-service endpoint: never a 5xx, always the error envelope,
 * and the rooms, memberships and outbox exactly as before.
 */
class GeneratedMalformedRequestsTest extends RoomApiTestSupport {

    private static final long SEED = 20261202L;
    private static final List<String> ROOM_FIELDS = List.of("name", "description", "appId", "appSettings", "isPublic",
            "status", "organizerId", "version");
    private static final List<String> MEMBER_FIELDS = List.of("role", "metadata", "userId");

    @Test
    void noGeneratedRequestReachesA5xxOrChangesData() {
        RoomWorld.User organizer = world.user("org");
        RoomWorld.App lottery = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
        String roomId = world.room(organizer, lottery.appId(), true, "active").get("id").asString();
        String room = "/api/v1/rooms/" + roomId;
        String participant = room + "/participants/" + world.join(world.user("bob"), roomId, "participant").get("id").asString();
        List<Endpoint> endpoints = List.of(new Endpoint("POST", "/api/v1/rooms", ROOM_FIELDS),
                new Endpoint("GET", "/api/v1/rooms", List.of()), new Endpoint("GET", room, List.of()),
                new Endpoint("PATCH", room, ROOM_FIELDS), new Endpoint("POST", room + "/upgrade-manifest", List.of("version")),
                new Endpoint("DELETE", room, List.of()), new Endpoint("POST", room + "/participants", MEMBER_FIELDS),
                new Endpoint("GET", room + "/participants", List.of()), new Endpoint("GET", participant, List.of()),
                new Endpoint("PATCH", participant, MEMBER_FIELDS), new Endpoint("DELETE", participant, List.of()));

        int sent = new MalformedRequests(api, SEED).check(endpoints, organizer.token(), 3000, () -> jdbc.queryForObject("""
                SELECT (SELECT md5(coalesce(string_agg(r::text, ',' ORDER BY r.id), '')) FROM rooms r)
                    || (SELECT md5(coalesce(string_agg(p::text, ',' ORDER BY p.id), '')) FROM participants p)
                    || (SELECT count(*) FROM outbox_events)""", String.class));

        assertThat(sent).isEqualTo(3000);
    }
}
