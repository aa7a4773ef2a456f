package io.eventplatform.room.participant;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.room.RoomApiTestSupport;
import io.eventplatform.room.RoomWorld;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * docs/auth.md "Room roles and what they allow", row by row for room-service's actions: every role (and a platform
 * admin, and a non-member) against every action, in a fresh active room each time.
 */
class RoomRolesTest extends RoomApiTestSupport {

    static RoomWorld.User newcomer;

    RoomWorld.App lottery;
    RoomWorld.User organizer;

    /** A room with one member in each role, and the ids an action needs. */
    record Cast(String roomId, RoomWorld.User caller, String participantId) {
    }

    @BeforeEach
    void setUp() {
        lottery = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
        organizer = world.user("org");
        if (newcomer == null) {
            newcomer = world.registeredUser("newcomer");
        }
    }

    Cast cast(boolean isPublic, String role) {
        String room = world.room(organizer, lottery.appId(), isPublic, "active").get("id").asString();
        RoomWorld.User moderator = world.user("mod");
        String modId = world.join(moderator, room, "participant").get("id").asString();
        api.data(api.patch("/api/v1/rooms/" + room + "/participants/" + modId, organizer.token(), "{\"role\":\"moderator\"}"), 200);
        RoomWorld.User participant = world.user("part");
        String participantId = world.join(participant, room, "participant").get("id").asString();
        RoomWorld.User viewer = world.user("viewer");
        world.join(viewer, room, "viewer");
        RoomWorld.User caller = switch (role) {
            case "admin" -> world.admin("root");
            case "organizer" -> organizer;
            case "moderator" -> moderator;
            case "participant" -> participant;
            case "viewer" -> viewer;
            default -> world.user("outsider");
        };
        return new Cast(room, caller, participantId);
    }

    @ParameterizedTest(name = "{0} by {1} → {2}")
    @CsvSource({
            "read public room, admin, 200", "read public room, organizer, 200", "read public room, moderator, 200",
            "read public room, participant, 200", "read public room, viewer, 200", "read public room, non-member, 200",
            "read private room, admin, 200", "read private room, organizer, 200", "read private room, moderator, 200",
            "read private room, participant, 200", "read private room, viewer, 200", "read private room, non-member, 404",
            "update room, admin, 200", "update room, organizer, 200", "update room, moderator, 403",
            "update room, participant, 403", "update room, viewer, 403", "update room, non-member, 403",
            "delete room, admin, 200", "delete room, organizer, 200", "delete room, moderator, 403",
            "delete room, participant, 403", "delete room, viewer, 403", "delete room, non-member, 403",
            "add participant, admin, 201", "add participant, organizer, 201", "add participant, moderator, 201",
            "add participant, participant, 403", "add participant, viewer, 403", "add participant, non-member, 403",
            "remove participant, admin, 200", "remove participant, organizer, 200", "remove participant, moderator, 200",
            "remove participant, participant, 200", "remove participant, viewer, 403", "remove participant, non-member, 403",
            "grant moderator, admin, 200", "grant moderator, organizer, 200", "grant moderator, moderator, 403",
            "grant moderator, participant, 403", "grant moderator, viewer, 403", "grant moderator, non-member, 403",
            "join, admin, 201", "join, organizer, 409", "join, moderator, 409",
            "join, participant, 409", "join, viewer, 409", "join, non-member, 201",
    })
    void theRolesTableHolds(String action, String role, int expected) {
        Cast cast = cast(!action.equals("read private room"), role);
        String room = "/api/v1/rooms/" + cast.roomId();
        String token = cast.caller().token();
        HttpResponse<String> response = switch (action) {
            case "read public room", "read private room" -> api.get(room + "/participants", token);
            case "update room" -> api.patch(room, token, "{\"name\":\"Renamed\"}");
            case "delete room" -> api.delete(room, token);
            case "add participant" -> api.post(room + "/participants", token, "{\"userId\":\"" + newcomer.id() + "\"}");
            // the participant removing themselves is leaving, which they may
            case "remove participant" -> api.delete(room + "/participants/" + cast.participantId(), token);
            case "grant moderator" -> api.patch(room + "/participants/" + cast.participantId(), token, "{\"role\":\"moderator\"}");
            case "join" -> api.post(room + "/participants", token, "{}");
            default -> throw new IllegalArgumentException(action);
        };
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        if (action.startsWith("read")) {
            assertThat(api.get(room, token).statusCode()).isEqualTo(expected);
        }
    }
}
