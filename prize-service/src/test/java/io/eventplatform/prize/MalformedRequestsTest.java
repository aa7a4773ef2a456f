package io.eventplatform.prize;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Whatever shape a body has, every write endpoint answers with a 4xx in the error envelope, never a 5xx. */
class MalformedRequestsTest extends PrizeApiTestSupport {

    static final List<String> BODIES = List.of("[]", "\"text\"", "17", "null", "{}", "{\"name\":{\"a\":1}}",
            "{\"quantity\":\"3\"}", "{\"quantity\":1.5}", "{\"quantity\":99999999999}", "{\"count\":-1}", "{\"prizeId\":[]}",
            "{\"participantId\":7}", "{\"metadata\":\"x\"}", "{\"imageUrl\":\"javascript:alert(1)\"}",
            "{\"excludePreviousWinners\":\"yes\"}", "{\"name\":\"" + "n".repeat(300) + "\"}", "{bad");

    @Test
    void noBodyShapeMakesAnyEndpointFail() {
        PrizeWorld.Room room = world.activeRoom();
        world.participants(room, 2);
        String prize = room.path() + "/prizes/" + world.prize(room, 3).get("id").asString();
        List<String[]> endpoints = List.of(new String[] {"POST", room.path() + "/prizes"}, new String[] {"PATCH", prize},
                new String[] {"POST", room.path() + "/winners"}, new String[] {"POST", room.path() + "/draws"});

        for (String[] endpoint : endpoints) {
            for (String body : BODIES) {
                HttpResponse<String> response = api.send(endpoint[0], endpoint[1], room.organizer.token(), body, Map.of());
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
