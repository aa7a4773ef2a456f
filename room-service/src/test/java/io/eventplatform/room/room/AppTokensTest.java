package io.eventplatform.room.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.room.RoomApiTestSupport;
import io.eventplatform.room.RoomWorld;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An app token acts only on rooms of its own app, within its manifest's permissions; with a user, both must allow. */
class AppTokensTest extends RoomApiTestSupport {

    @Test
    void anAppCreatesRoomsOfItsOwnForANamedOrganizer() {
        RoomWorld.App lottery = world.lotteryApp(List.of("rooms:write", "rooms:read"));
        RoomWorld.App other = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
        RoomWorld.User ada = world.registeredUser("ada");

        JsonNode room = api.data(api.post("/api/v1/rooms", lottery.token(),
                "{\"name\":\"By app\",\"appId\":\"" + lottery.appId() + "\",\"organizerId\":\"" + ada.id() + "\"}"), 201);
        assertThat(room.get("createdBy").asString()).isEqualTo(ada.id());
        assertThat(room.get("myRole").isNull()).isTrue();
        assertThat(api.data(api.get("/api/v1/rooms/" + room.get("id").asString(), ada.token()), 200).get("myRole").asString())
                .isEqualTo("organizer");

        api.error(api.post("/api/v1/rooms", lottery.token(), "{\"name\":\"x\",\"appId\":\"" + lottery.appId() + "\"}"),
                422, "VALIDATION_ERROR");
        JsonNode denied = api.error(api.post("/api/v1/rooms", lottery.token(),
                "{\"name\":\"x\",\"appId\":\"" + other.appId() + "\",\"organizerId\":\"" + ada.id() + "\"}"), 403, "APP_PERMISSION_DENIED");
        assertThat(denied.get("details").get("appId").asString()).isEqualTo(lottery.appId());
        assertThat(denied.get("details").get("required").asString()).isEqualTo("rooms:write");
        JsonNode noPermission = api.error(api.post("/api/v1/rooms", world.appToken(lottery.appId(), List.of("rooms:read")),
                "{\"name\":\"x\",\"appId\":\"" + lottery.appId() + "\",\"organizerId\":\"" + ada.id() + "\"}"), 403, "APP_PERMISSION_DENIED");
        assertThat(noPermission.get("details").get("granted").get(0).asString()).isEqualTo("rooms:read");
        api.error(api.post("/api/v1/rooms", ada.token(),
                "{\"name\":\"x\",\"appId\":\"" + lottery.appId() + "\",\"organizerId\":\"" + ada.id() + "\"}"), 422, "VALIDATION_ERROR");
    }

    @Test
    void anAppSeesAndChangesOnlyItsOwnRooms() {
        RoomWorld.App lottery = world.lotteryApp(List.of("rooms:read", "rooms:write", "participants:read"));
        RoomWorld.App quiz = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
        RoomWorld.User ada = world.user("ada");
        String mine = world.room(ada, lottery.appId(), false, "active").get("id").asString();
        String theirsPrivate = world.room(ada, quiz.appId(), false, "active").get("id").asString();
        String theirsPublic = world.room(ada, quiz.appId(), true, "active").get("id").asString();

        assertThat(api.data(api.get("/api/v1/rooms/" + mine, lottery.token()), 200).get("id").asString()).isEqualTo(mine);
        api.error(api.get("/api/v1/rooms/" + theirsPrivate, lottery.token()), 404, "NOT_FOUND");
        api.error(api.get("/api/v1/rooms/" + theirsPublic, lottery.token()), 403, "APP_PERMISSION_DENIED");
        assertThat(RoomsApiTest.ids(api.data(api.get("/api/v1/rooms", lottery.token()), 200))).containsExactly(mine);
        api.data(api.patch("/api/v1/rooms/" + mine, lottery.token(), "{\"name\":\"Renamed by app\"}"), 200);
        api.error(api.patch("/api/v1/rooms/" + theirsPublic, lottery.token(), "{\"name\":\"x\"}"), 403, "APP_PERMISSION_DENIED");
        api.error(api.delete("/api/v1/rooms/" + mine, lottery.token()), 403, "APP_PERMISSION_DENIED");
        api.error(api.get("/api/v1/rooms", world.appToken(lottery.appId(), List.of("prizes:read"))), 403, "APP_PERMISSION_DENIED");
    }

    @Test
    void anAppWithParticipantsWriteAddsUsers() {
        RoomWorld.App lottery = world.lotteryApp(List.of("participants:write", "participants:read"));
        RoomWorld.User ada = world.user("ada");
        RoomWorld.User bob = world.registeredUser("bob");
        String room = world.room(ada, lottery.appId(), true, "active").get("id").asString();

        api.error(api.post("/api/v1/rooms/" + room + "/participants", world.appToken(lottery.appId(), List.of("rooms:read")),
                "{\"userId\":\"" + bob.id() + "\"}"), 403, "APP_PERMISSION_DENIED");
        api.error(api.post("/api/v1/rooms/" + room + "/participants", lottery.token(), "{}"), 422, "VALIDATION_ERROR");
        JsonNode added = api.data(api.post("/api/v1/rooms/" + room + "/participants", lottery.token(),
                "{\"userId\":\"" + bob.id() + "\"}"), 201);
        assertThat(added.get("userId").asString()).isEqualTo(bob.id());
        api.error(api.delete("/api/v1/rooms/" + room + "/participants/me", lottery.token()), 403, "FORBIDDEN");
    }

    @Test
    void aUserThroughAnAppNeedsBothTheRoleAndThePermission() {
        RoomWorld.App lottery = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
        RoomWorld.App quiz = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
        RoomWorld.User ada = world.user("ada");
        RoomWorld.User bob = world.user("bob");
        String room = "/api/v1/rooms/" + world.room(ada, lottery.appId(), true, "active").get("id").asString();
        world.join(bob, room.substring("/api/v1/rooms/".length()), "participant");
        String rename = "{\"name\":\"Through the app\"}";

        assertThat(api.send("PATCH", room, ada.token(), rename, Map.of("X-App-Token", lottery.token())).statusCode()).isEqualTo(200);
        api.error(api.send("PATCH", room, ada.token(), rename,
                Map.of("X-App-Token", world.appToken(lottery.appId(), List.of("rooms:read")))), 403, "APP_PERMISSION_DENIED");
        api.error(api.send("PATCH", room, ada.token(), rename, Map.of("X-App-Token", quiz.token())), 403, "APP_PERMISSION_DENIED");
        api.error(api.send("PATCH", room, bob.token(), rename, Map.of("X-App-Token", lottery.token())), 403, "FORBIDDEN");
        api.error(api.send("PATCH", room, ada.token(), rename, Map.of("X-App-Token", bob.token())), 401, "UNAUTHORIZED");
        api.error(api.send("PATCH", room, ada.token(), rename, Map.of("X-App-Token", "not-a-token")), 401, "UNAUTHORIZED");
    }

    @Test
    void aUserThroughAnAppThatOnlyReadsParticipantsNeitherChangesTheirOwnMetadataNorLeaves() {
        RoomWorld.App lottery = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
        RoomWorld.User ada = world.user("ada");
        RoomWorld.User bob = world.user("bob");
        String roomId = world.room(ada, lottery.appId(), true, "active").get("id").asString();
        String bobs = world.join(bob, roomId, "participant").get("id").asString();
        String participants = "/api/v1/rooms/" + roomId + "/participants/";
        Map<String, String> readOnlyApp = Map.of("X-App-Token", world.appToken(lottery.appId(), List.of("participants:read")));
        Map<String, String> writingApp = Map.of("X-App-Token", world.appToken(lottery.appId(), List.of("participants:read", "participants:write")));

        api.error(api.send("PATCH", participants + bobs, bob.token(), "{\"metadata\":{\"team\":\"red\"}}", readOnlyApp),
                403, "APP_PERMISSION_DENIED");
        api.error(api.send("DELETE", participants + "me", bob.token(), null, readOnlyApp), 403, "APP_PERMISSION_DENIED");
        api.error(api.send("DELETE", participants + bobs, bob.token(), null, readOnlyApp), 403, "APP_PERMISSION_DENIED");
        assertThat(api.data(api.get(participants + bobs, bob.token()), 200).get("metadata").isNull()).isTrue();

        api.data(api.send("PATCH", participants + bobs, bob.token(), "{\"metadata\":{\"team\":\"red\"}}", writingApp), 200);
        assertThat(api.send("DELETE", participants + "me", bob.token(), null, writingApp).statusCode()).isEqualTo(200);
    }
}
