package io.eventplatform.prize;

import io.eventplatform.testing.BadTokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every prize-service endpoint answers 401 to a missing, forged, expired or foreign token. */
class UnauthenticatedRequestsTest extends PrizeApiTestSupport {

    @Test
    void everyEndpointRefusesEveryBadToken() {
        PrizeWorld.Room room = world.activeRoom();
        world.participants(room, 1);
        String prize = room.path() + "/prizes/" + world.prize(room, 2).get("id").asString();
        String draw = room.path() + "/draws/" + api.data(api.post(room.path() + "/draws", room.organizer.token(),
                "{\"prizeId\":\"" + prize.substring(prize.lastIndexOf('/') + 1) + "\",\"count\":1}"), 201).get("id").asString();
        String winner = room.path() + "/winners/" + api.data(api.get(room.path() + "/winners", room.organizer.token()), 200)
                .get(0).get("id").asString();
        List<String[]> endpoints = List.of(new String[] {"POST", room.path() + "/prizes"}, new String[] {"GET", room.path() + "/prizes"},
                new String[] {"GET", prize}, new String[] {"PATCH", prize}, new String[] {"DELETE", prize},
                new String[] {"POST", room.path() + "/winners"}, new String[] {"GET", room.path() + "/winners"},
                new String[] {"GET", winner}, new String[] {"DELETE", winner}, new String[] {"POST", room.path() + "/draws"},
                new String[] {"GET", room.path() + "/draws"}, new String[] {"GET", draw}, new String[] {"GET", draw + "/eligible"});

        BadTokens.all(TOKENS).forEach((what, token) -> {
            for (String[] endpoint : endpoints) {
                api.error(api.send(endpoint[0], endpoint[1], token, endpoint[0].equals("GET") || endpoint[0].equals("DELETE")
                        ? null : "{}", Map.of()), 401, "UNAUTHORIZED");
            }
        });
    }
}
