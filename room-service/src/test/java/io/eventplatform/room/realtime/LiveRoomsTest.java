package io.eventplatform.room.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.room.RoomApiTestSupport;
import io.eventplatform.room.RoomWorld;
import io.eventplatform.testing.LiveClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The hub over real sockets: authentication, every room event with the payload REST shows, private rooms, presence. */
class LiveRoomsTest extends RoomApiTestSupport {

    private RoomWorld.User organizer;
    private RoomWorld.App app;

    @BeforeEach
    void room() {
        organizer = world.registeredUser("organizer");
        app = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
    }

    private LiveClient connected(RoomWorld.User user) {
        LiveClient client = LiveClient.connect(LiveClient.endpoint(port), Map.of("Authorization", "Bearer " + user.token()));
        JsonNode auth = client.next("auth");
        assertThat(auth.path("ok").asBoolean()).isTrue();
        assertThat(auth.path("userId").asString()).isEqualTo(user.id());
        return client;
    }

    @Test
    void aTokenOnTheUpgradeOrInTheFirstMessageAuthenticatesAndABadOneClosesWith4401() {
        try (LiveClient byHeader = connected(organizer)) {
            assertThat(byHeader.received().get(0).path("expiresAt").asString()).endsWith("Z");
        }
        try (LiveClient byMessage = LiveClient.connect(LiveClient.endpoint(port))) {
            JsonNode auth = byMessage.authenticate(organizer.token());
            assertThat(auth.path("ok").asBoolean()).isTrue();
            assertThat(auth.path("userId").asString()).isEqualTo(organizer.id());
            byMessage.send("{\"type\":\"ping\"}");
            assertThat(byMessage.next("pong")).isNotNull();
        }
        try (LiveClient forged = LiveClient.connect(LiveClient.endpoint(port))) {
            JsonNode auth = forged.authenticate(organizer.token() + "x");
            assertThat(auth.path("ok").asBoolean()).isFalse();
            assertThat(forged.awaitClose()).isEqualTo(4401);
        }
        try (LiveClient skipsAuth = LiveClient.connect(LiveClient.endpoint(port))) {
            skipsAuth.send("{\"id\":\"1\",\"type\":\"room:subscribe\",\"roomId\":\"room_x\"}");
            assertThat(skipsAuth.ack("1").path("error").path("code").asString()).isEqualTo("UNAUTHORIZED");
            assertThat(skipsAuth.awaitClose()).isEqualTo(4401);
        }
    }

    @Test
    void aCrowdInOneRoomGetsEveryEventOnceAndInOrder() { // enough connections that the hub starts writes on several threads
        String roomId = world.room(organizer, app.appId(), true, "active").get("id").asString();
        List<LiveClient> crowd = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                LiveClient live = connected(organizer);
                crowd.add(live);
                live.subscribe(roomId, null);
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            for (int left = 9; left >= 0; left--) {
                Snapshots.Prize prize = new Snapshots.Prize("prz_1", roomId, "Sled", null, null, 10, left, null, now, now, null);
                world.publish(EventEnvelope.of(EventType.PRIZE_UPDATED, "prize-service", "prz_1", 11 - left, roomId,
                        new EventData.PrizeChanged(prize, Map.of("quantityRemaining", left))));
            }
            for (LiveClient live : crowd) {
                List<Integer> remaining = new java.util.ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    remaining.add(live.next("prize:updated").path("data").path("prize").path("quantityRemaining").asInt());
                }
                assertThat(remaining).containsExactly(9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
                assertThat(live.received()).filteredOn(message -> message.path("type").asString("").equals("prize:updated"))
                        .hasSize(10);
            }
        } finally {
            crowd.forEach(LiveClient::close);
        }
    }

    @Test
    void aMessageThatIsNotARequestIsAnsweredWithWhatIsWrongAndTheConnectionStays() {
        try (LiveClient live = connected(organizer)) {
            live.send("not json");
            JsonNode notJson = live.next("ack");
            assertThat(notJson.path("error").path("code").asString()).isEqualTo("VALIDATION_ERROR");
            assertThat(notJson.has("id")).as("a reply to a request without an id has none").isFalse();
            live.send("{\"id\":\"t\"}");
            assertThat(live.ack("t").path("error").path("message").asString()).contains("with a type");
            live.send("{\"id\":\"u\",\"type\":\"room:join\",\"roomId\":\"room_1\"}");
            assertThat(live.ack("u").path("error").path("message").asString()).isEqualTo("Unknown message type: room:join");
            for (String type : List.of("room:subscribe", "room:unsubscribe", "presence:get_online")) {
                for (String roomId : List.of("", ",\"roomId\":42", ",\"roomId\":null")) {
                    String id = type + roomId.length();
                    live.send("{\"id\":\"" + id + "\",\"type\":\"" + type + "\"" + roomId + "}");
                    JsonNode ack = live.ack(id);
                    assertThat(ack.path("ok").asBoolean()).isFalse();
                    assertThat(ack.path("error").path("code").asString()).isEqualTo("VALIDATION_ERROR");
                    assertThat(ack.path("error").path("message").asString()).contains("roomId");
                }
            }
            live.send("{\"type\":\"ping\"}");
            assertThat(live.next("pong").has("id")).isFalse();
            live.send("{\"id\":\"p\",\"type\":\"ping\"}");
            assertThat(live.next("pong").path("id").asString()).isEqualTo("p");
            live.send("{\"id\":7,\"type\":\"ping\"}");
            assertThat(live.next("pong").path("id").asInt()).as("a number id comes back a number").isEqualTo(7);
            live.send("{\"id\":8,\"type\":\"room:unsubscribe\",\"roomId\":\"room_x\"}");
            JsonNode numbered = live.next("ack");
            assertThat(numbered.path("id").isNumber()).isTrue();
            assertThat(numbered.path("id").asInt()).isEqualTo(8);
            assertThat(live.isClosed()).isFalse();
        }
    }

    @Test
    void aClientMessageIsAtMost4096CharactersAndBinaryMessagesAreRefused() {
        String ping = "{\"type\":\"ping\",\"id\":\"\"}";
        String longest = ping.replace("\"id\":\"\"", "\"id\":\"" + "x".repeat(RealtimeConfiguration.MAX_CLIENT_MESSAGE - ping.length()) + "\"");
        assertThat(longest).hasSize(RealtimeConfiguration.MAX_CLIENT_MESSAGE);
        try (LiveClient live = connected(organizer)) {
            live.send(longest);
            assertThat(live.next("pong")).isNotNull();
            live.send(longest.replace("\"id\":\"", "\"id\":\"y"));
            assertThat(live.awaitClose()).isEqualTo(1009);
        }
        try (LiveClient live = connected(organizer)) {
            live.sendBinary(new byte[] {1, 2, 3});
            assertThat(live.awaitClose()).isEqualTo(1003);
        }
        try (LiveClient live = connected(organizer)) {
            live.sendBinary(new byte[1024]);
            assertThat(live.awaitClose()).isEqualTo(1009);
        }
    }

    @Test
    void everyRoomServiceEventArrivesWithTheResourceAsRestShowsIt() {
        String roomId = world.room(organizer, app.appId(), true, "active").get("id").asString();
        RoomWorld.User guest = world.registeredUser("guest");
        try (LiveClient live = connected(organizer)) {
            JsonNode ack = live.subscribe(roomId, null);
            assertThat(ack.path("ok").asBoolean()).isTrue();
            assertThat(ack.path("room").path("id").asString()).isEqualTo(roomId);
            assertThat(ack.path("room").path("status").asString()).isEqualTo("active");

            JsonNode participant = world.join(guest, roomId, "participant");
            JsonNode joined = live.next("participant:joined");
            assertThat(joined.path("roomId").asString()).isEqualTo(roomId);
            assertThat(joined.path("eventId").asString()).isNotBlank();
            assertThat(joined.path("data").path("participant")).isEqualTo(participant);

            api.data(api.patch("/api/v1/rooms/" + roomId + "/participants/" + participant.get("id").asString(),
                    guest.token(), "{\"metadata\":{\"table\":7}}"), 200);
            JsonNode updated = live.next("participant:updated");
            JsonNode participantNow = api.data(api.get("/api/v1/rooms/" + roomId + "/participants/"
                    + participant.get("id").asString(), guest.token()), 200);
            assertThat(updated.path("data").path("participant")).isEqualTo(participantNow);
            assertThat(updated.path("data").path("changes").path("metadata").path("table").asInt()).isEqualTo(7);

            api.data(api.patch("/api/v1/rooms/" + roomId, organizer.token(), "{\"description\":\"Mulled wine at 8\"}"), 200);
            JsonNode roomUpdated = live.next("room:updated");
            JsonNode roomNow = api.data(api.get("/api/v1/rooms/" + roomId, organizer.token()), 200);
            assertThat(roomUpdated.path("data").path("changes")).isEqualTo(api.json("{\"description\":\"Mulled wine at 8\"}"));
            assertRestShape(roomUpdated.path("data").path("room"), roomNow);

            api.delete("/api/v1/rooms/" + roomId + "/participants/" + participant.get("id").asString(), guest.token());
            JsonNode left = live.next("participant:left");
            assertThat(left.path("data")).isEqualTo(api.json("{\"participantId\":\"%s\",\"userId\":\"%s\"}"
                    .formatted(participant.get("id").asString(), guest.id())));

            api.data(api.patch("/api/v1/rooms/" + roomId, organizer.token(), "{\"status\":\"completed\"}"), 200);
            JsonNode status = live.next("room:status_changed");
            assertThat(status.path("data").path("oldStatus").asString()).isEqualTo("active");
            assertThat(status.path("data").path("newStatus").asString()).isEqualTo("completed");
            assertThat(status.path("data").path("room").path("status").asString()).isEqualTo("completed");
            assertThat(status.path("data").path("room").has("myRole")).isFalse();

            assertThat(api.delete("/api/v1/rooms/" + roomId, organizer.token()).statusCode()).isEqualTo(200);
            JsonNode deleted = live.next("room:deleted");
            assertThat(deleted.path("data")).isEqualTo(api.json("{\"roomId\":\"" + roomId + "\"}"));
        }
    }

    /** The room as REST shows it, less what is counted per request or per caller and the detail's app summary. */
    private static void assertRestShape(JsonNode pushed, JsonNode rest) {
        tools.jackson.databind.node.ObjectNode expected = ((tools.jackson.databind.node.ObjectNode) rest).deepCopy();
        expected.remove(List.of("myRole", "participantCount", "prizeCount", "app"));
        assertThat(pushed).isEqualTo(expected);
    }

    @Test
    void prizeWinnerAndDrawEventsArriveAsThePrizeApiShowsThem() {
        String roomId = world.room(organizer, app.appId(), true, "active").get("id").asString();
        try (LiveClient live = connected(organizer)) {
            live.subscribe(roomId, null);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Snapshots.Prize prize = new Snapshots.Prize("prz_1", roomId, "Sled", null, null, 3, 2, null, now, now, null);
            world.publish(EventEnvelope.of(EventType.PRIZE_UPDATED, "prize-service", "prz_1", 2, roomId,
                    new EventData.PrizeChanged(prize, Map.of("quantityRemaining", 2))));
            JsonNode prizeUpdated = live.next("prize:updated");
            assertThat(prizeUpdated.path("data").path("prize")).isEqualTo(api.json("""
                    {"id":"prz_1","roomId":"%s","name":"Sled","description":null,"imageUrl":null,"quantity":3,
                     "quantityRemaining":2,"metadata":null,"createdAt":"%s","updatedAt":"%s","winnerCount":1}"""
                    .formatted(roomId, now, now)));
            assertThat(prizeUpdated.path("data").path("changes")).isEqualTo(api.json("{\"quantityRemaining\":2}"));

            Snapshots.Winner winner = new Snapshots.Winner("win_1", roomId, "part_1", "prz_1", "drw_1", null, now, null,
                    new Snapshots.WinnerParticipant("part_1", true, new Snapshots.UserSummary("usr_1", "Ada", null)),
                    new Snapshots.PrizeSummary("prz_1", "Sled", null));
            world.publish(EventEnvelope.of(EventType.WINNER_SELECTED, "prize-service", "win_1", 1, roomId,
                    new EventData.WinnerChanged(winner)));
            JsonNode selected = live.next("winner:selected");
            assertThat(selected.path("data").path("winner").path("participant").path("user").path("name").asString()).isEqualTo("Ada");
            assertThat(selected.path("data").path("winner").path("prize").path("name").asString()).isEqualTo("Sled");
            assertThat(selected.path("data").path("winner").has("deletedAt")).isTrue();

            world.publish(EventEnvelope.of(EventType.DRAW_COMPLETED, "prize-service", "drw_1", 1, roomId,
                    new EventData.DrawCompleted(new Snapshots.Draw("drw_1", roomId, "prz_1", organizer.id(), 1,
                            "fisher-yates-sha256-v1", "ab", "cd", 5, "ef", List.of("win_1"), false, null, now, true,
                            List.of(winner)))));
            JsonNode draw = live.next("draw:completed").path("data").path("draw");
            assertThat(draw.path("winners").get(0).path("id").asString()).isEqualTo("win_1");
            assertThat(draw.path("excludePreviousWinners").asBoolean()).isTrue();
            assertThat(draw.has("winnerIds")).isFalse();

            world.publish(EventEnvelope.of(EventType.WINNER_REVOKED, "prize-service", "win_1", 2, roomId,
                    new EventData.WinnerChanged(winner)));
            assertThat(live.next("winner:removed").path("data"))
                    .isEqualTo(api.json("{\"winnerId\":\"win_1\",\"participantId\":\"part_1\",\"prizeId\":\"prz_1\"}"));
            world.publish(EventEnvelope.of(EventType.PRIZE_DELETED, "prize-service", "prz_1", 3, roomId,
                    new EventData.PrizeChanged(prize, null)));
            assertThat(live.next("prize:deleted").path("data")).isEqualTo(api.json("{\"prizeId\":\"prz_1\"}"));
        }
    }

    @Test
    void aPrivateRoomIsForItsMembersAndAppsNeedTheirOwnRoomAndRealtimeSubscribe() {
        String roomId = world.room(organizer, app.appId(), false, "active").get("id").asString();
        RoomWorld.User stranger = world.registeredUser("stranger");
        try (LiveClient live = connected(stranger)) {
            JsonNode ack = live.subscribe(roomId, null);
            assertThat(ack.path("ok").asBoolean()).isFalse();
            assertThat(ack.path("error").path("code").asString()).isEqualTo("NOT_FOUND");
        }
        String withoutSubscribe = world.appToken(app.appId(), List.of("rooms:read"));
        try (LiveClient appClient = LiveClient.connect(LiveClient.endpoint(port), Map.of("Authorization", "Bearer " + withoutSubscribe))) {
            assertThat(appClient.next("auth").path("appId").asString()).isEqualTo(app.appId());
            JsonNode ack = appClient.subscribe(roomId, null);
            assertThat(ack.path("error").path("code").asString()).isEqualTo("APP_PERMISSION_DENIED");
        }
        String withSubscribe = world.appToken(app.appId(), List.of("realtime:subscribe"));
        try (LiveClient appClient = LiveClient.connect(LiveClient.endpoint(port), Map.of("Authorization", "Bearer " + withSubscribe))) {
            appClient.next("auth");
            assertThat(appClient.subscribe(roomId, null).path("ok").asBoolean()).isTrue();
        }
        RoomWorld.App other = world.lotteryApp(List.of("realtime:subscribe"));
        try (LiveClient otherApp = LiveClient.connect(LiveClient.endpoint(port), Map.of("Authorization", "Bearer " + other.token()))) {
            otherApp.next("auth");
            assertThat(otherApp.subscribe(roomId, null).path("error").path("code").asString()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void someoneRemovedFromAPrivateRoomStopsFollowingItAndADeletedRoomEndsEverySubscription() {
        String roomId = world.room(organizer, app.appId(), false, "active").get("id").asString();
        RoomWorld.User guest = world.registeredUser("guest");
        String participantId = world.add(organizer, roomId, guest, "participant").get("id").asString();
        try (LiveClient host = connected(organizer); LiveClient phone = connected(guest)) {
            host.subscribe(roomId, null);
            assertThat(phone.subscribe(roomId, null).path("ok").asBoolean()).isTrue();
            api.delete("/api/v1/rooms/" + roomId + "/participants/" + participantId, organizer.token());
            assertThat(phone.next("participant:left").path("data").path("userId").asString()).isEqualTo(guest.id());
            JsonNode ended = phone.next("room:unsubscribed");
            assertThat(ended.path("data").path("reason").asString()).isEqualTo("membership_ended");

            api.data(api.patch("/api/v1/rooms/" + roomId, organizer.token(), "{\"name\":\"Board only\"}"), 200);
            host.next("room:updated");
            api.delete("/api/v1/rooms/" + roomId, organizer.token());
            host.next("room:deleted");
            assertThat(host.next("room:unsubscribed").path("data").path("reason").asString()).isEqualTo("room_deleted");
            // anything queued for the phone before this ping would arrive before its pong
            phone.send("{\"type\":\"ping\"}");
            phone.next("pong");
            assertThat(phone.received().stream().map(m -> m.path("type").asString("")))
                    .doesNotContain("room:updated", "room:deleted");
        }
    }

    @Test
    void aConnectionFollowsAtMostTheConfiguredNumberOfRooms() { // 3 in these tests (RoomApiTestSupport)
        List<String> rooms = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rooms.add(world.room(organizer, app.appId(), true, "active").get("id").asString());
        }
        try (LiveClient live = connected(organizer)) {
            for (String roomId : rooms.subList(0, 3)) {
                assertThat(live.subscribe(roomId, null).path("ok").asBoolean()).isTrue();
            }
            JsonNode refused = live.subscribe(rooms.get(3), null);
            assertThat(refused.path("ok").asBoolean()).isFalse();
            assertThat(refused.path("error").path("code").asString()).isEqualTo("BAD_REQUEST");
            assertThat(refused.path("error").path("message").asString()).contains("at most 3 rooms");
            assertThat(live.subscribe(rooms.get(0), null).path("ok").asBoolean()).as("a room it follows already").isTrue();

            api.data(api.patch("/api/v1/rooms/" + rooms.get(3), organizer.token(), "{\"name\":\"Not followed\"}"), 200);
            api.data(api.patch("/api/v1/rooms/" + rooms.get(2), organizer.token(), "{\"name\":\"Followed\"}"), 200);
            assertThat(live.next("room:updated").path("roomId").asString()).as("the refused room is not followed")
                    .isEqualTo(rooms.get(2));

            live.send("{\"id\":\"u\",\"type\":\"room:unsubscribe\",\"roomId\":\"" + rooms.get(1) + "\"}");
            live.ack("u");
            assertThat(live.subscribe(rooms.get(3), null).path("ok").asBoolean()).isTrue();
        }
    }

    @Test
    void presenceFollowsEachUsersFirstAndLastConnection() {
        String roomId = world.room(organizer, app.appId(), true, "active").get("id").asString();
        RoomWorld.User guest = world.registeredUser("guest");
        try (LiveClient host = connected(organizer)) {
            host.subscribe(roomId, null);
            assertThat(host.next("presence:user_online").path("data").path("user").path("id").asString()).isEqualTo(organizer.id());
            LiveClient phone = connected(guest);
            phone.subscribe(roomId, null);
            JsonNode online = host.next("presence:user_online");
            assertThat(online.path("data").path("user").path("name").asString()).isEqualTo("guest");
            LiveClient laptop = connected(guest);
            laptop.subscribe(roomId, null);

            host.send("{\"id\":\"who\",\"type\":\"presence:get_online\",\"roomId\":\"" + roomId + "\"}");
            JsonNode who = host.ack("who");
            assertThat(who.path("count").asInt()).isEqualTo(2);
            assertThat(who.path("users").get(0).path("id").asString()).isEqualTo(organizer.id());
            assertThat(who.path("users").get(1).path("id").asString()).isEqualTo(guest.id());
            assertThat(who.path("users").get(1).path("connectedAt").asString()).endsWith("Z");

            phone.close();
            laptop.send("{\"id\":\"u\",\"type\":\"room:unsubscribe\",\"roomId\":\"" + roomId + "\"}");
            assertThat(laptop.ack("u").path("ok").asBoolean()).isTrue();
            JsonNode offline = host.next("presence:user_offline");
            assertThat(offline.path("data").path("userId").asString()).isEqualTo(guest.id());
            // one offline, after the last of the two connections: nothing about the guest came between
            assertThat(host.received().stream().filter(m -> m.path("type").asString("").startsWith("presence:")
                    && m.toString().contains(guest.id())).map(m -> m.path("type").asString()).toList())
                    .containsExactly("presence:user_online", "presence:user_offline");
            laptop.close();
        }
    }
}
