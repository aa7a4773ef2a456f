package io.eventplatform.room.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventplatform.room.RoomApiTestSupport;
import io.eventplatform.room.RoomWorld;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Joining, re-joining, removal, roles and metadata, leaving — and every rule of the roles table about them. */
class ParticipantsApiTest extends RoomApiTestSupport {

    RoomWorld.User organizer;
    RoomWorld.App lottery;

    @BeforeEach
    void room() {
        organizer = world.user("org");
        lottery = world.lotteryApp(RoomWorld.ALL_PERMISSIONS);
    }

    String path(String roomId) {
        return "/api/v1/rooms/" + roomId + "/participants";
    }

    @Test
    void leavingAndRejoiningKeepsTheSameParticipant() {
        String room = world.room(organizer, lottery.appId(), true, "active").get("id").asString();
        RoomWorld.User bob = world.user("bob");

        JsonNode joined = api.data(api.post(path(room), bob.token(), "{\"metadata\":{\"ticket\":7}}"), 201);
        assertThat(joined.get("role").asString()).isEqualTo("participant");
        assertThat(joined.get("metadata").get("ticket").asInt()).isEqualTo(7);
        assertThat(joined.get("active").asBoolean()).isTrue();
        api.error(api.post(path(room), bob.token(), "{}"), 409, "ALREADY_PARTICIPANT");

        assertThat(api.data(api.delete(path(room) + "/me", bob.token()), 200).get("success").asBoolean()).isTrue();
        api.error(api.get(path(room) + "/" + joined.get("id").asString(), bob.token()), 404, "NOT_FOUND");
        JsonNode back = api.data(api.post(path(room), bob.token(), "{\"role\":\"viewer\"}"), 200);

        assertThat(back.get("id").asString()).isEqualTo(joined.get("id").asString());
        assertThat(back.get("role").asString()).isEqualTo("viewer");
        assertThat(world.outboxTypes(room)).endsWith("ParticipantJoined", "ParticipantLeft", "ParticipantJoined");
    }

    @Test
    void onlyActiveRoomsCanBeJoinedButOrganizersMayAddPeopleToDraftRooms() {
        String draft = world.room(organizer, lottery.appId(), true, "draft").get("id").asString();
        String completed = world.room(organizer, lottery.appId(), true, "completed").get("id").asString();
        RoomWorld.User bob = world.registeredUser("bob");

        api.error(api.post(path(draft), bob.token(), "{}"), 409, "ROOM_NOT_ACTIVE");
        JsonNode added = world.add(organizer, draft, bob, "participant");
        assertThat(added.get("user").get("name").asString()).isEqualTo("bob");
        assertThat(added.get("user").get("avatar").asString()).isEqualTo("https://example.com/bob.png");
        api.error(api.post(path(completed), organizer.token(), "{\"userId\":\"" + bob.id() + "\"}"), 409, "ROOM_NOT_ACTIVE");
        api.error(api.post(path(draft), organizer.token(), "{\"userId\":\"usr_nobody\"}"), 422, "VALIDATION_ERROR");
    }

    @Test
    void someoneRemovedCannotRejoinByThemselvesUntilAddedAgain() {
        String room = world.room(organizer, lottery.appId(), true, "active").get("id").asString();
        RoomWorld.User bob = world.registeredUser("bob");
        String id = world.join(bob, room, "participant").get("id").asString();

        api.data(api.delete(path(room) + "/" + id, organizer.token()), 200);

        api.error(api.post(path(room), bob.token(), "{}"), 403, "REMOVED_FROM_ROOM");
        JsonNode readded = api.data(api.post(path(room), organizer.token(), "{\"userId\":\"" + bob.id() + "\"}"), 200);
        assertThat(readded.get("id").asString()).isEqualTo(id);
        assertThat(readded.path("removedBy").isMissingNode() || readded.get("removedBy").isNull()).isTrue();
    }

    @Test
    void theOrganizerCannotLeaveAndTheLastOrganizerCannotBeDemotedOrRemoved() {
        String room = world.room(organizer, lottery.appId(), true, "active").get("id").asString();
        String organizerId = api.data(api.get(path(room) + "?role=organizer", organizer.token()), 200).get(0).get("id").asString();
        RoomWorld.User admin = world.admin("root");

        api.error(api.delete(path(room) + "/me", organizer.token()), 403, "FORBIDDEN");
        api.error(api.delete(path(room) + "/" + organizerId, organizer.token()), 403, "FORBIDDEN");
        api.error(api.patch(path(room) + "/" + organizerId, admin.token(), "{\"role\":\"participant\"}"), 409, "LAST_ORGANIZER");
        api.error(api.delete(path(room) + "/" + organizerId, admin.token()), 409, "LAST_ORGANIZER");
        RoomWorld.User bob = world.user("bob");
        String bobId = world.join(bob, room, "participant").get("id").asString();
        JsonNode fields = api.error(api.patch(path(room) + "/" + bobId, organizer.token(), "{\"role\":\"organizer\"}"), 422,
                "VALIDATION_ERROR").get("details").get("fields");
        assertThat(fields.propertyNames()).containsExactly("role");
        api.error(api.patch(path(room) + "/" + bobId, admin.token(), "{\"role\":\"admin\"}"), 422, "VALIDATION_ERROR");
        api.error(api.patch(path(room) + "/" + bobId, organizer.token(), "{\"role\":\"boss\"}"), 422, "VALIDATION_ERROR");
    }

    @Test
    void onlyTheOrganizerGrantsModeratorAndModeratorsManageTheRest() {
        String room = world.room(organizer, lottery.appId(), true, "active").get("id").asString();
        RoomWorld.User mod = world.user("mod");
        RoomWorld.User bob = world.user("bob");
        String modId = world.join(mod, room, "participant").get("id").asString();
        String bobId = world.join(bob, room, "participant").get("id").asString();

        assertThat(api.data(api.patch(path(room) + "/" + modId, organizer.token(), "{\"role\":\"moderator\"}"), 200)
                .get("role").asString()).isEqualTo("moderator");
        api.error(api.patch(path(room) + "/" + bobId, mod.token(), "{\"role\":\"moderator\"}"), 403, "FORBIDDEN");
        assertThat(api.data(api.patch(path(room) + "/" + bobId, mod.token(), "{\"role\":\"viewer\"}"), 200)
                .get("role").asString()).isEqualTo("viewer");
        api.error(api.patch(path(room) + "/" + modId, bob.token(), "{\"role\":\"viewer\"}"), 403, "FORBIDDEN");
        api.error(api.delete(path(room) + "/" + modId, bob.token()), 403, "FORBIDDEN");
        api.data(api.delete(path(room) + "/" + bobId, mod.token()), 200);
        assertThat(world.outboxTypes(room)).contains("ParticipantUpdated");
    }

    @Test
    void peopleChangeTheirOwnMetadataWithinSixteenKibibytes() {
        String room = world.room(organizer, lottery.appId(), true, "active").get("id").asString();
        RoomWorld.User bob = world.user("bob");
        RoomWorld.User eve = world.user("eve");
        String bobId = world.join(bob, room, "participant").get("id").asString();
        world.join(eve, room, "participant");

        JsonNode updated = api.data(api.patch(path(room) + "/" + bobId, bob.token(), "{\"metadata\":{\"score\":12}}"), 200);
        assertThat(updated.get("metadata").get("score").asInt()).isEqualTo(12);
        api.error(api.patch(path(room) + "/" + bobId, eve.token(), "{\"metadata\":{\"score\":99}}"), 403, "FORBIDDEN");
        api.error(api.patch(path(room) + "/" + bobId, bob.token(), "{\"role\":\"moderator\"}"), 403, "FORBIDDEN");
        String big = "{\"metadata\":{\"blob\":\"" + "x".repeat(17 * 1024) + "\"}}";
        JsonNode error = api.error(api.patch(path(room) + "/" + bobId, bob.token(), big), 422, "VALIDATION_ERROR");
        assertThat(error.get("details").get("fields").propertyNames()).containsExactly("metadata");
        api.error(api.post(path(room), world.user("carl").token(), big), 422, "VALIDATION_ERROR");
        api.error(api.patch(path(room) + "/" + bobId, bob.token(), "{\"metadata\":[1]}"), 422, "VALIDATION_ERROR");
    }

    @Test
    void aPrivateRoomCanBeJoinedByAnyoneWhoKnowsItsId() {
        String room = world.room(organizer, lottery.appId(), false, "active").get("id").asString();
        RoomWorld.User bob = world.user("bob");

        api.error(api.get("/api/v1/rooms/" + room, bob.token()), 404, "NOT_FOUND");
        world.join(bob, room, "viewer");

        assertThat(api.data(api.get("/api/v1/rooms/" + room, bob.token()), 200).get("myRole").asString()).isEqualTo("viewer");
        api.error(api.post(path(room), world.user("carl").token(), "{\"role\":\"moderator\"}"), 422, "VALIDATION_ERROR");
    }

    @Test
    void theListFiltersByRoleAndPages() {
        String room = world.room(organizer, lottery.appId(), true, "active").get("id").asString();
        for (int i = 0; i < 3; i++) {
            world.join(world.user("p" + i), room, "participant");
        }
        world.join(world.user("v"), room, "viewer");

        JsonNode participants = api.body(api.get(path(room) + "?role=participant&limit=2", organizer.token()), 200);
        assertThat(participants.get("data")).hasSize(2);
        assertThat(participants.get("meta").get("total").asInt()).isEqualTo(3);
        assertThat(participants.get("meta").get("pages").asInt()).isEqualTo(2);
        assertThat(api.data(api.get(path(room) + "?sort=role", world.user("x").token()), 200).findValuesAsString("role"))
                .containsExactly("organizer", "participant", "participant", "participant", "viewer");
        api.error(api.get(path(room) + "?role=boss", organizer.token()), 400, "BAD_REQUEST");
        api.error(api.get(path(room) + "/part_unknown", organizer.token()), 404, "NOT_FOUND");
    }

    @Test
    void aParticipantIdFromAnotherRoomIsNotFoundHere() {
        String mine = world.room(organizer, lottery.appId(), true, "active").get("id").asString();
        RoomWorld.User other = world.user("other");
        String theirs = world.room(other, lottery.appId(), true, "active").get("id").asString();
        String stranger = world.join(world.user("bob"), theirs, "participant").get("id").asString();

        api.error(api.get(path(mine) + "/" + stranger, organizer.token()), 404, "NOT_FOUND");
        api.error(api.patch(path(mine) + "/" + stranger, organizer.token(), "{\"role\":\"viewer\"}"), 404, "NOT_FOUND");
        api.error(api.delete(path(mine) + "/" + stranger, organizer.token()), 404, "NOT_FOUND");
        assertThat(api.data(api.get(path(theirs) + "/" + stranger, other.token()), 200).get("role").asString()).isEqualTo("participant");
    }

    @Test
    void aDeletedUserLeavesEveryRoom() {
        RoomWorld.User bob = world.registeredUser("bob");
        String first = world.room(organizer, lottery.appId(), true, "active").get("id").asString();
        String second = world.room(organizer, lottery.appId(), false, "active").get("id").asString();
        world.join(bob, first, "participant");
        world.join(bob, second, "viewer");

        world.deleteUser(bob);

        await().atMost(Duration.ofSeconds(10)).until(() -> world.count(
                "SELECT count(*) FROM participants WHERE user_id = ? AND deleted_at IS NULL", bob.id()) == 0);
        assertThat(world.outboxTypes(first)).endsWith("ParticipantLeft");
        assertThat(world.outboxTypes(second)).endsWith("ParticipantLeft");
        api.error(api.get("/api/v1/rooms/" + second, bob.token()), 404, "NOT_FOUND");
    }
}
