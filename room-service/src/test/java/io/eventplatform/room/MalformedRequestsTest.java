package io.eventplatform.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Whatever shape a body has, every write endpoint answers with a 4xx in the error envelope, never a 5xx. */
class MalformedRequestsTest extends RoomApiTestSupport {

    static final List<String> BODIES = List.of("[]", "\"text\"", "17", "null", "{}", "{\"name\":{\"a\":1}}",
            "{\"role\":[1]}", "{\"metadata\":\"x\"}", "{\"appSettings\":7}", "{\"status\":true}", "{\"userId\":5}",
            "{\"version\":[]}", "{\"isPublic\":null,\"description\":null}", "{\"name\":\"" + "n".repeat(300) + "\"}", "{bad");

    @Test
    void noBodyShapeMakesAnyEndpointFail() {
        RoomWorld.User organizer = world.user("org");
        RoomWorld.App lottery = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
        String room = "/api/v1/rooms/" + world.room(organizer, lottery.appId(), true, "active").get("id").asString();
        String participant = room + "/participants/" + world.join(world.user("bob"), room.substring(14), "participant").get("id").asString();
        List<String[]> endpoints = List.of(new String[] {"POST", "/api/v1/rooms"}, new String[] {"PATCH", room},
                new String[] {"POST", room + "/upgrade-manifest"}, new String[] {"POST", room + "/participants"},
                new String[] {"PATCH", participant});

        for (String[] endpoint : endpoints) {
            for (String body : BODIES) {
                HttpResponse<String> response = api.send(endpoint[0], endpoint[1], organizer.token(), body, java.util.Map.of());
                assertThat(response.statusCode()).as(endpoint[0] + " " + endpoint[1] + " " + body + " → " + response.body())
                        .isLessThan(500);
                if (response.statusCode() >= 400) {
                    JsonNode error = api.json(response.body()).get("error");
                    assertThat(error.get("code").asString()).as(response.body()).isNotBlank();
                }
            }
        }
    }
}
