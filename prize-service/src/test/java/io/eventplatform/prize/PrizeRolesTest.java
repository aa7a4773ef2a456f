package io.eventplatform.prize;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/auth.md "Room roles and what they allow", for prize-service's actions: every role against every action. */
class PrizeRolesTest extends PrizeApiTestSupport {

    @ParameterizedTest(name = "{0} by {1} → {2}")
    @CsvSource({
            "read private room, admin, 200", "read private room, organizer, 200", "read private room, moderator, 200",
            "read private room, participant, 200", "read private room, viewer, 200", "read private room, non-member, 404",
            "create prize, admin, 201", "create prize, organizer, 201", "create prize, moderator, 201",
            "create prize, participant, 403", "create prize, viewer, 403", "create prize, non-member, 403",
            "select winner, admin, 201", "select winner, organizer, 201", "select winner, moderator, 201",
            "select winner, participant, 403", "select winner, viewer, 403", "select winner, non-member, 403",
            "run draw, admin, 201", "run draw, organizer, 201", "run draw, moderator, 201",
            "run draw, participant, 403", "run draw, viewer, 403", "run draw, non-member, 403",
            "revoke winner, admin, 200", "revoke winner, organizer, 200", "revoke winner, moderator, 403",
            "revoke winner, participant, 403", "revoke winner, viewer, 403", "revoke winner, non-member, 403",
    })
    void theRolesTableHolds(String action, String role, int expected) {
        PrizeWorld.Room room = world.room("active", !action.equals("read private room"));
        PrizeWorld.User caller = switch (role) {
            case "admin" -> world.admin();
            case "organizer" -> room.organizer;
            case "non-member" -> world.user("outsider");
            default -> {
                PrizeWorld.User member = world.user(role);
                world.member(room, member, role);
                yield member;
            }
        };
        String candidate = world.participant(room);
        String prize = world.prize(room, 2).get("id").asString();
        String winner = api.data(api.post(room.path() + "/winners", room.organizer.token(),
                "{\"participantId\":\"" + world.participant(room) + "\",\"prizeId\":\"" + prize + "\"}"), 201).get("id").asString();

        HttpResponse<String> response = switch (action) {
            case "read private room" -> api.get(room.path() + "/winners", caller.token());
            case "create prize" -> api.post(room.path() + "/prizes", caller.token(), "{\"name\":\"Cake\"}");
            case "select winner" -> api.post(room.path() + "/winners", caller.token(),
                    "{\"participantId\":\"" + candidate + "\",\"prizeId\":\"" + prize + "\"}");
            case "run draw" -> api.post(room.path() + "/draws", caller.token(), "{\"prizeId\":\"" + prize + "\"}");
            case "revoke winner" -> api.delete(room.path() + "/winners/" + winner, caller.token());
            default -> throw new IllegalArgumentException(action);
        };

        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    }
}
