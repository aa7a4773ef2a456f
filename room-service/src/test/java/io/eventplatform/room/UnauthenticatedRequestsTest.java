package io.eventplatform.room;

import io.eventplatform.testing.BadTokens;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every room-service endpoint answers 401 to a missing, forged, expired or foreign token. */
class UnauthenticatedRequestsTest extends RoomApiTestSupport {

    @Test
    void everyEndpointRefusesEveryBadToken() {
        RoomWorld.User ada = world.user("ada");
        String room = "/api/v1/rooms/" + world.room(ada, world.lotteryApp(RoomWorld.ALL_PERMISSIONS).appId(), true, "active")
                .get("id").asString();
        String participant = room + "/participants/" + api.data(api.get(room + "/participants", ada.token()), 200).get(0)
                .get("id").asString();
        List<String[]> endpoints = List.of(new String[] {"POST", "/api/v1/rooms"}, new String[] {"GET", "/api/v1/rooms"},
                new String[] {"GET", room}, new String[] {"PATCH", room}, new String[] {"DELETE", room},
                new String[] {"POST", room + "/upgrade-manifest"}, new String[] {"POST", room + "/participants"},
                new String[] {"GET", room + "/participants"}, new String[] {"GET", participant},
                new String[] {"PATCH", participant}, new String[] {"DELETE", participant},
                new String[] {"DELETE", room + "/participants/me"});

        BadTokens.all(TOKENS).forEach((what, token) -> {
            for (String[] endpoint : endpoints) {
                api.error(api.send(endpoint[0], endpoint[1], token, endpoint[0].equals("GET") || endpoint[0].equals("DELETE")
                        ? null : "{}", java.util.Map.of()), 401, "UNAUTHORIZED");
            }
        });
    }
}
