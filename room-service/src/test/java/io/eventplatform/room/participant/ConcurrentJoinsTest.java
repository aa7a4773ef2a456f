package io.eventplatform.room.participant;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.room.RoomApiTestSupport;
import io.eventplatform.room.RoomWorld;
import io.eventplatform.testing.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The uniqueness of a membership and the participant count under parallel requests. */
class ConcurrentJoinsTest extends RoomApiTestSupport {

    @Test
    void fiftyParallelJoinsOfOneUserMakeExactlyOneMembership() throws Exception {
        RoomWorld.User ada = world.user("ada");
        String room = world.room(ada, world.lotteryApp(RoomWorld.ALL_PERMISSIONS).appId(), true, "active").get("id").asString();
        RoomWorld.User bob = world.user("bob");

        Map<Integer, Long> statuses = Parallel.statuses(50, i -> api.post("/api/v1/rooms/" + room + "/participants", bob.token(), "{}"));

        assertThat(statuses).containsOnlyKeys(201, 409);
        assertThat(statuses.get(201)).isEqualTo(1);
        assertThat(statuses.get(409)).isEqualTo(49);
        assertThat(world.count("SELECT count(*) FROM participants WHERE room_id = ? AND user_id = ?", room, bob.id())).isEqualTo(1);
    }

    @Test
    void fiftyParallelRejoinsAfterLeavingReactivateOnce() throws Exception {
        RoomWorld.User ada = world.user("ada");
        String room = world.room(ada, world.lotteryApp(RoomWorld.ALL_PERMISSIONS).appId(), true, "active").get("id").asString();
        RoomWorld.User bob = world.user("bob");
        world.join(bob, room, "participant");
        api.data(api.delete("/api/v1/rooms/" + room + "/participants/me", bob.token()), 200);

        Map<Integer, Long> statuses = Parallel.statuses(50, i -> api.post("/api/v1/rooms/" + room + "/participants", bob.token(), "{}"));

        assertThat(statuses).containsOnlyKeys(200, 409);
        assertThat(statuses.get(200)).isEqualTo(1);
    }

    @Test
    void twoHundredUsersJoiningInParallelAreAllCounted() throws Exception {
        RoomWorld.User ada = world.user("ada");
        String room = world.room(ada, world.lotteryApp(RoomWorld.ALL_PERMISSIONS).appId(), true, "active").get("id").asString();
        List<RoomWorld.User> users = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            users.add(world.user("u" + i));
        }

        Map<Integer, Long> statuses = Parallel.statuses(200, i -> api.post("/api/v1/rooms/" + room + "/participants", users.get(i).token(), "{}"));

        assertThat(statuses).containsExactly(Map.entry(201, 200L));
        assertThat(api.data(api.get("/api/v1/rooms/" + room, ada.token()), 200).get("participantCount").asLong()).isEqualTo(201);
        assertThat(api.body(api.get("/api/v1/rooms/" + room + "/participants?limit=100", ada.token()), 200)
                .get("meta").get("total").asLong()).isEqualTo(201);
    }
}
