package io.eventplatform.room.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.room.RoomApiTestSupport;
import io.eventplatform.room.RoomWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Rooms: create, list, get, update, the status machine, manifest locking, delete — happy paths and every 4xx. */
class RoomsApiTest extends RoomApiTestSupport {

    @Test
    void theCreatorBecomesTheOrganizerInTheSameTransactionAndBothEventsAreWritten() {
        RoomWorld.User ada = world.user("ada");
        RoomWorld.App lottery = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);

        JsonNode room = api.data(api.post("/api/v1/rooms", ada.token(), """
                {"name": "Winter party", "description": "Raffle", "appId": "%s", "appSettings": {"ticketCount": 3}}"""
                .formatted(lottery.appId())), 201);

        assertThat(room.get("id").asString()).startsWith("room_");
        assertThat(room.get("status").asString()).isEqualTo("draft");
        assertThat(room.get("isPublic").asBoolean()).isTrue();
        assertThat(room.get("createdBy").asString()).isEqualTo(ada.id());
        assertThat(room.get("appManifestVersion").asString()).isEqualTo("1.0.0");
        assertThat(room.get("appSettings").get("ticketCount").asInt()).isEqualTo(3);
        assertThat(room.get("myRole").asString()).isEqualTo("organizer");
        assertThat(room.get("participantCount").asLong()).isEqualTo(1);
        assertThat(room.get("prizeCount").asLong()).isZero();
        assertThat(room.get("app").get("name").asString()).isEqualTo("Holiday Lottery");
        assertThat(room.get("app").get("baseUrl").asString()).isEqualTo("https://lottery.example.com");
        String id = room.get("id").asString();
        JsonNode members = api.data(api.get("/api/v1/rooms/" + id + "/participants", ada.token()), 200);
        assertThat(members).hasSize(1);
        assertThat(members.get(0).get("userId").asString()).isEqualTo(ada.id());
        assertThat(members.get(0).get("role").asString()).isEqualTo("organizer");
        assertThat(world.outboxTypes(id)).containsExactly("RoomCreated", "ParticipantJoined");
    }

    @Test
    void settingsThatBreakTheManifestSchemaAre422AtTheirPathAndNothingIsWritten() {
        RoomWorld.User ada = world.user("ada");
        RoomWorld.App lottery = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);

        JsonNode error = api.error(api.post("/api/v1/rooms", ada.token(), """
                {"name": "Party", "appId": "%s", "appSettings": {"ticketCount": 0, "colour": "red", "theme": 7}}"""
                .formatted(lottery.appId())), 422, "VALIDATION_ERROR");

        JsonNode fields = error.get("details").get("fields");
        assertThat(fields.propertyNames()).containsExactlyInAnyOrder("appSettings.ticketCount", "appSettings.colour", "appSettings.theme");
        assertThat(fields.get("appSettings.colour").get(0).asString()).isEqualTo("is not allowed");
        assertThat(world.count("SELECT count(*) FROM rooms WHERE created_by = ?", ada.id())).isZero();
    }

    @Test
    void malformedValuesAre422PerFieldAndUnknownAppsAreRefused() {
        RoomWorld.User ada = world.user("ada");

        JsonNode fields = api.error(api.post("/api/v1/rooms", ada.token(), """
                {"name": "", "appId": "app_nobody", "isPublic": "yes", "appSettings": [], "description": 5, "status": "active"}"""),
                422, "VALIDATION_ERROR").get("details").get("fields");

        assertThat(fields.propertyNames()).containsExactlyInAnyOrder("name", "appId", "isPublic", "appSettings", "description", "status");
        assertThat(api.error(api.post("/api/v1/rooms", ada.token(), "{\"appId\": 1}"), 422, "VALIDATION_ERROR")
                .get("details").get("fields").propertyNames()).contains("name", "appId");
        // fields nobody sets through the API are refused, never stored
        assertThat(api.error(api.post("/api/v1/rooms", ada.token(), "{\"name\":\"x\",\"appId\":\"app_nobody\","
                + "\"createdBy\":\"usr_other\",\"id\":\"room_mine\",\"appManifestVersion\":\"9.0.0\"}"), 422, "VALIDATION_ERROR")
                .get("details").get("fields").propertyNames()).contains("createdBy", "id", "appManifestVersion");
        api.error(api.post("/api/v1/rooms", ada.token(), "{not json"), 400, "BAD_REQUEST");
        api.error(api.post("/api/v1/rooms", null, "{}"), 401, "UNAUTHORIZED");
    }

    @Test
    void aSettingsSchemaThatPointsElsewhereIsNeverFetched() {
        RoomWorld.User ada = world.user("ada");
        String appId = "app_remote_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        world.publishManifest(appId, "1.0.0", "{\"$ref\": \"http://localhost:9/settings.json\"}", 1);

        JsonNode fields = api.error(api.post("/api/v1/rooms", ada.token(), "{\"name\":\"x\",\"appId\":\"" + appId
                + "\",\"appSettings\":{\"a\":1}}"), 422, "VALIDATION_ERROR").get("details").get("fields");

        assertThat(fields.get("appSettings").get(0).asString()).contains("unusable");
    }

    @Test
    void anInactiveAppTakesNoNewRooms() {
        RoomWorld.User ada = world.user("ada");
        RoomWorld.App lottery = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
        world.publish(EventEnvelope.of(EventType.APP_ACTIVATION_CHANGED, "identity-service", lottery.appId(), 2, null,
                new EventData.AppChanged(new Snapshots.App(lottery.appId(), "1.0.0", api.json("{}"), false, false,
                        Instant.now(), Instant.now()))));
        await().atMost(Duration.ofSeconds(10)).until(() -> world.count(
                "SELECT count(*) FROM replica_apps WHERE app_id = ? AND NOT is_active", lottery.appId()) == 1);

        JsonNode fields = api.error(api.post("/api/v1/rooms", ada.token(), "{\"name\":\"x\",\"appId\":\"" + lottery.appId() + "\"}"),
                422, "VALIDATION_ERROR").get("details").get("fields");

        assertThat(fields.get("appId").get(0).asString()).contains("active");
    }

    @Test
    void privateRoomsAreNotFoundForOutsidersButVisibleToMembersAndAdmins() {
        RoomWorld.User ada = world.user("ada");
        RoomWorld.User eve = world.user("eve");
        RoomWorld.User bob = world.user("bob");
        RoomWorld.App lottery = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
        String secret = world.room(ada, lottery.appId(), false, "active").get("id").asString();
        String open = world.room(ada, lottery.appId(), true, "active").get("id").asString();
        world.join(bob, secret, "participant");

        api.error(api.get("/api/v1/rooms/" + secret, eve.token()), 404, "NOT_FOUND");
        api.error(api.get("/api/v1/rooms/" + secret + "/participants", eve.token()), 404, "NOT_FOUND");
        api.error(api.patch("/api/v1/rooms/" + secret, eve.token(), "{\"name\":\"mine\"}"), 404, "NOT_FOUND");
        assertThat(ids(api.data(api.get("/api/v1/rooms?appId=" + lottery.appId(), eve.token()), 200))).containsExactly(open);
        assertThat(ids(api.data(api.get("/api/v1/rooms?appId=" + lottery.appId(), bob.token()), 200)))
                .containsExactlyInAnyOrder(open, secret);
        assertThat(api.data(api.get("/api/v1/rooms/" + secret, bob.token()), 200).get("myRole").asString()).isEqualTo("participant");
        assertThat(api.data(api.get("/api/v1/rooms/" + open, eve.token()), 200).get("myRole").isNull()).isTrue();
        assertThat(api.data(api.get("/api/v1/rooms/" + secret, world.admin("root").token()), 200).get("id").asString()).isEqualTo(secret);
        api.error(api.get("/api/v1/rooms/room_does_not_exist", ada.token()), 404, "NOT_FOUND");
        api.error(api.get("/api/v1/rooms/usr_wrong_prefix", ada.token()), 404, "NOT_FOUND");
    }

    @Test
    void listsFilterSortSelectFieldsAndPage() {
        RoomWorld.User ada = world.user("ada");
        RoomWorld.User bob = world.user("bob");
        RoomWorld.App lottery = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
        List<String> created = new ArrayList<>();
        for (String status : List.of("draft", "active", "active", "completed", "cancelled")) {
            created.add(world.room(ada, lottery.appId(), true, status).get("id").asString());
        }
        world.join(bob, created.get(1), "viewer");
        String base = "/api/v1/rooms?appId=" + lottery.appId();

        JsonNode all = api.body(api.get(base, ada.token()), 200);
        List<String> newestFirst = new ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);
        assertThat(ids(all.get("data"))).containsExactlyElementsOf(newestFirst);
        assertThat(all.get("meta").get("total").asLong()).isEqualTo(5);
        assertThat(ids(api.data(api.get(base + "&status=active", bob.token()), 200)))
                .containsExactlyInAnyOrder(created.get(1), created.get(2));
        assertThat(ids(api.data(api.get(base + "&mine=true", bob.token()), 200))).containsExactly(created.get(1));
        assertThat(ids(api.data(api.get(base + "&createdBy=" + bob.id(), ada.token()), 200))).isEmpty();
        assertThat(api.data(api.get(base + "&sort=status,-createdAt", ada.token()), 200).findValuesAsString("status"))
                .containsExactly("draft", "active", "active", "completed", "cancelled");
        JsonNode active = api.data(api.get(base + "&status=active", ada.token()), 200);
        assertThat(active.get(0).get("participantCount").asLong() + active.get(1).get("participantCount").asLong()).isEqualTo(3);

        JsonNode page = api.body(api.get(base + "&limit=2&page=2&fields=id,status", ada.token()), 200);
        assertThat(page.get("data")).hasSize(2);
        assertThat(page.get("data").get(0).propertyNames()).containsExactlyInAnyOrder("id", "status");
        assertThat(page.get("meta").get("pages").asInt()).isEqualTo(3);
        assertThat(api.data(api.get(base + "&page=9", ada.token()), 200)).isEmpty();

        api.error(api.get(base + "&sort=colour", ada.token()), 400, "BAD_REQUEST");
        api.error(api.get(base + "&fields=secret", ada.token()), 400, "BAD_REQUEST");
        api.error(api.get(base + "&limit=101", ada.token()), 400, "BAD_REQUEST");
        api.error(api.get(base + "&status=open", ada.token()), 400, "BAD_REQUEST");
        api.error(api.get(base + "&isPublic=maybe", ada.token()), 400, "BAD_REQUEST");
        api.error(api.get(base + "&colour=red", ada.token()), 400, "BAD_REQUEST");
    }

    @Test
    void theStatusMovesOnlyAlongTheMachine() {
        RoomWorld.User ada = world.user("ada");
        RoomWorld.App lottery = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
        String id = world.room(ada, lottery.appId(), true, "draft").get("id").asString();

        JsonNode error = api.error(api.patch("/api/v1/rooms/" + id, ada.token(), "{\"status\":\"completed\"}"), 409,
                "INVALID_STATUS_TRANSITION");
        assertThat(error.get("details").get("from").asString()).isEqualTo("draft");
        api.data(api.patch("/api/v1/rooms/" + id, ada.token(), "{\"status\":\"active\"}"), 200);
        JsonNode completed = api.data(api.patch("/api/v1/rooms/" + id, ada.token(), "{\"status\":\"completed\",\"name\":\"Done\"}"), 200);
        assertThat(completed.get("status").asString()).isEqualTo("completed");
        assertThat(completed.get("name").asString()).isEqualTo("Done");
        api.error(api.patch("/api/v1/rooms/" + id, ada.token(), "{\"status\":\"active\"}"), 409, "INVALID_STATUS_TRANSITION");
        api.error(api.patch("/api/v1/rooms/" + id, ada.token(), "{\"status\":\"open\"}"), 422, "VALIDATION_ERROR");
        assertThat(world.outboxTypes(id)).containsExactly("RoomCreated", "ParticipantJoined", "RoomStatusChanged",
                "RoomUpdated", "RoomStatusChanged");
    }

    @Test
    void aRoomStaysLockedToItsManifestVersionUntilItIsUpgraded() {
        RoomWorld.User ada = world.user("ada");
        RoomWorld.App lottery = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
        String id = world.room(ada, lottery.appId(), true, "draft").get("id").asString();
        RoomWorld.User bob = world.registeredUser("bob");
        api.data(api.post("/api/v1/rooms/" + id + "/participants", ada.token(), "{\"userId\":\"" + bob.id() + "\"}"), 201);
        world.publishManifest(lottery.appId(), "2.0.0", RoomWorld.LOTTERY_SETTINGS_V2, 2);

        // still validated against 1.0.0: ticketCount 2 fits v1 although v2 wants at least 5
        JsonNode patched = api.data(api.patch("/api/v1/rooms/" + id, ada.token(), "{\"appSettings\":{\"ticketCount\":2}}"), 200);
        assertThat(patched.get("appManifestVersion").asString()).isEqualTo("1.0.0");
        // a new room is created on the current version, 2.0.0
        api.error(api.post("/api/v1/rooms", ada.token(), "{\"name\":\"New\",\"appId\":\"" + lottery.appId()
                + "\",\"appSettings\":{\"ticketCount\":2}}"), 422, "VALIDATION_ERROR");

        JsonNode misfit = api.error(api.post("/api/v1/rooms/" + id + "/upgrade-manifest", ada.token(), "{}"), 422, "VALIDATION_ERROR");
        assertThat(misfit.get("details").get("fields").propertyNames())
                .containsExactlyInAnyOrder("appSettings.ticketCount", "appSettings.drawMode");
        api.data(api.patch("/api/v1/rooms/" + id, ada.token(), "{\"appSettings\":{\"ticketCount\":7,\"drawMode\":\"staged\"}}"), 200);
        JsonNode upgraded = api.data(api.post("/api/v1/rooms/" + id + "/upgrade-manifest", ada.token(), "{\"version\":\"2.0.0\"}"), 200);
        assertThat(upgraded.get("appManifestVersion").asString()).isEqualTo("2.0.0");
        assertThat(upgraded.get("app").get("version").asString()).isEqualTo("2.0.0");

        api.error(api.post("/api/v1/rooms/" + id + "/upgrade-manifest", ada.token(), "{\"version\":\"1.0.0\"}"), 409,
                "MANIFEST_VERSION_NOT_NEWER");
        api.error(api.post("/api/v1/rooms/" + id + "/upgrade-manifest", ada.token(), "{\"version\":\"9.9.9\"}"), 422,
                "VALIDATION_ERROR");
        api.error(api.post("/api/v1/rooms/" + id + "/upgrade-manifest", bob.token(), "{}"), 403, "FORBIDDEN");
    }

    @Test
    void deletingARoomHidesItAndEndsEveryMembership() {
        RoomWorld.User ada = world.user("ada");
        RoomWorld.User bob = world.user("bob");
        RoomWorld.App lottery = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
        String id = world.room(ada, lottery.appId(), true, "active").get("id").asString();
        world.join(bob, id, "participant");

        api.error(api.delete("/api/v1/rooms/" + id, bob.token()), 403, "FORBIDDEN");
        assertThat(api.data(api.delete("/api/v1/rooms/" + id, ada.token()), 200).get("success").asBoolean()).isTrue();

        api.error(api.get("/api/v1/rooms/" + id, ada.token()), 404, "NOT_FOUND");
        api.error(api.delete("/api/v1/rooms/" + id, ada.token()), 404, "NOT_FOUND");
        assertThat(world.count("SELECT count(*) FROM participants WHERE room_id = ? AND deleted_at IS NULL", id)).isZero();
        assertThat(world.outboxTypes(id)).endsWith("RoomDeleted");
    }

    @Test
    void prizeCountFollowsThePrizeEvents() {
        RoomWorld.User ada = world.user("ada");
        RoomWorld.App lottery = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
        String id = world.room(ada, lottery.appId(), true, "active").get("id").asString();
        for (String prize : List.of("prz_a" + UUID.randomUUID(), "prz_b" + UUID.randomUUID())) {
            world.publish(EventEnvelope.of(EventType.PRIZE_CREATED, "prize-service", prize, 1, id, new EventData.PrizeChanged(
                    new Snapshots.Prize(prize, id, "Mug", null, null, 1, 1, null, Instant.now(), Instant.now(), null), null)));
        }

        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.data(api.get("/api/v1/rooms/" + id, ada.token()), 200).get("prizeCount").asLong() == 2);
        assertThat(api.data(api.get("/api/v1/rooms?createdBy=" + ada.id(), ada.token()), 200).get(0).get("prizeCount").asLong())
                .isEqualTo(2);
    }

    static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
