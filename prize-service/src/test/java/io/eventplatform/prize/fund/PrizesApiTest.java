package io.eventplatform.prize.fund;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.prize.PrizeApiTestSupport;
import io.eventplatform.prize.PrizeWorld;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The prize fund: create, list, get, update, delete, with every 4xx rule. */
class PrizesApiTest extends PrizeApiTestSupport {

    @Test
    void anOrganizerFillsTheFundAndEveryoneSeesIt() {
        PrizeWorld.Room room = world.activeRoom();
        PrizeWorld.User guest = world.user("guest");

        JsonNode prize = api.data(api.post(room.path() + "/prizes", room.organizer.token(), """
                {"name": "Espresso machine", "description": "Top prize", "quantity": 3,
                 "imageUrl": "https://example.com/espresso.png", "metadata": {"sponsor": "Cafe"}}"""), 201);

        assertThat(prize.get("id").asString()).startsWith("prz_");
        assertThat(prize.get("quantity").asInt()).isEqualTo(3);
        assertThat(prize.get("quantityRemaining").asInt()).isEqualTo(3);
        assertThat(prize.get("winnerCount").asLong()).isZero();
        assertThat(prize.get("metadata").get("sponsor").asString()).isEqualTo("Cafe");
        world.prize(room, 1);
        JsonNode list = api.body(api.get(room.path() + "/prizes?sort=-quantity", guest.token()), 200);
        assertThat(list.get("meta").get("total").asInt()).isEqualTo(2);
        assertThat(list.get("data").get(0).get("name").asString()).isEqualTo("Espresso machine");
        assertThat(api.data(api.get(room.path() + "/prizes/" + prize.get("id").asString(), guest.token()), 200)
                .get("quantity").asInt()).isEqualTo(3);
        assertThat(world.outboxTypes(room.id)).containsExactly("PrizeCreated", "PrizeCreated");
    }

    @Test
    void badValuesAre422AndUnknownThingsAre404() {
        PrizeWorld.Room room = world.activeRoom();
        String token = room.organizer.token();

        JsonNode fields = api.error(api.post(room.path() + "/prizes", token, """
                {"quantity": 0, "imageUrl": "ftp://x", "metadata": "no", "colour": "red"}"""), 422, "VALIDATION_ERROR")
                .get("details").get("fields");
        assertThat(fields.propertyNames()).containsExactlyInAnyOrder("name", "quantity", "imageUrl", "metadata", "colour");
        assertThat(api.error(api.post(room.path() + "/prizes", token, "{\"name\":\"x\",\"quantityRemaining\":5,\"roomId\":\"room_x\"}"),
                422, "VALIDATION_ERROR").get("details").get("fields").propertyNames()).containsExactlyInAnyOrder("quantityRemaining", "roomId");
        String big = "{\"name\":\"x\",\"metadata\":{\"blob\":\"" + "x".repeat(17 * 1024) + "\"}}";
        api.error(api.post(room.path() + "/prizes", token, big), 422, "VALIDATION_ERROR");
        api.error(api.post("/api/v1/rooms/room_unknown/prizes", token, "{\"name\":\"x\"}"), 404, "NOT_FOUND");
        api.error(api.get(room.path() + "/prizes/prz_unknown", token), 404, "NOT_FOUND");
        api.error(api.post(room.path() + "/prizes", token, "{oops"), 400, "BAD_REQUEST");
        api.error(api.get(room.path() + "/prizes?sort=colour", token), 400, "BAD_REQUEST");
        String prize = world.prize(room, 2).get("id").asString();
        JsonNode nulls = api.error(api.patch(room.path() + "/prizes/" + prize, token, "{\"name\":null,\"quantity\":null}"),
                422, "VALIDATION_ERROR").get("details").get("fields");
        assertThat(nulls.propertyNames()).containsExactlyInAnyOrder("name", "quantity");
        assertThat(api.data(api.patch(room.path() + "/prizes/" + prize, token, "{\"description\":null,\"metadata\":{\"a\":1}}"), 200)
                .get("metadata").get("a").asInt()).isEqualTo(1);
    }

    @Test
    void theQuantityNeverDropsBelowWhatIsAwarded() {
        PrizeWorld.Room room = world.activeRoom();
        String prize = world.prize(room, 5).get("id").asString();
        for (int i = 0; i < 2; i++) {
            api.data(api.post(room.path() + "/winners", room.organizer.token(),
                    "{\"participantId\":\"" + world.participant(room) + "\",\"prizeId\":\"" + prize + "\"}"), 201);
        }

        JsonNode error = api.error(api.patch(room.path() + "/prizes/" + prize, room.organizer.token(), "{\"quantity\":1}"),
                422, "VALIDATION_ERROR");
        assertThat(error.get("details").get("fields").get("quantity").get(0).asString()).contains("2");
        JsonNode updated = api.data(api.patch(room.path() + "/prizes/" + prize, room.organizer.token(),
                "{\"quantity\":2,\"name\":\"Cup\"}"), 200);

        assertThat(updated.get("quantity").asInt()).isEqualTo(2);
        assertThat(updated.get("quantityRemaining").asInt()).isZero();
        assertThat(updated.get("winnerCount").asLong()).isEqualTo(2);
        assertThat(updated.get("name").asString()).isEqualTo("Cup");
        assertThat(api.data(api.patch(room.path() + "/prizes/" + prize, room.organizer.token(), "{\"quantity\":4}"), 200)
                .get("quantityRemaining").asInt()).isEqualTo(2);
    }

    @Test
    void aPrizeWithWinnersCannotBeDeleted() {
        PrizeWorld.Room room = world.activeRoom();
        String taken = world.prize(room, 1).get("id").asString();
        String spare = world.prize(room, 1).get("id").asString();
        api.data(api.post(room.path() + "/winners", room.organizer.token(),
                "{\"participantId\":\"" + world.participant(room) + "\",\"prizeId\":\"" + taken + "\"}"), 201);

        api.error(api.delete(room.path() + "/prizes/" + taken, room.organizer.token()), 409, "PRIZE_HAS_WINNERS");
        assertThat(api.data(api.delete(room.path() + "/prizes/" + spare, room.organizer.token()), 200).get("success").asBoolean()).isTrue();

        api.error(api.get(room.path() + "/prizes/" + spare, room.organizer.token()), 404, "NOT_FOUND");
        assertThat(world.outboxTypes(room.id)).endsWith("PrizeDeleted");
    }

    @Test
    void anIdFromAnotherRoomIsNotFoundHere() {
        PrizeWorld.Room mine = world.activeRoom();
        PrizeWorld.Room theirs = world.activeRoom();
        String theirPrize = world.prize(theirs, 1).get("id").asString();
        String theirWinner = api.data(api.post(theirs.path() + "/winners", theirs.organizer.token(),
                "{\"participantId\":\"" + world.participant(theirs) + "\",\"prizeId\":\"" + theirPrize + "\"}"), 201)
                .get("id").asString();
        String token = mine.organizer.token();

        api.error(api.get(mine.path() + "/prizes/" + theirPrize, token), 404, "NOT_FOUND");
        api.error(api.patch(mine.path() + "/prizes/" + theirPrize, token, "{\"quantity\":9}"), 404, "NOT_FOUND");
        api.error(api.delete(mine.path() + "/prizes/" + theirPrize, token), 404, "NOT_FOUND");
        api.error(api.get(mine.path() + "/winners/" + theirWinner, token), 404, "NOT_FOUND");
        api.error(api.delete(mine.path() + "/winners/" + theirWinner, token), 404, "NOT_FOUND");
        api.error(api.post(mine.path() + "/winners", token, "{\"participantId\":\"" + world.participant(theirs)
                + "\",\"prizeId\":\"" + world.prize(mine, 1).get("id").asString() + "\"}"), 404, "NOT_FOUND");
        assertThat(api.data(api.get(theirs.path() + "/prizes/" + theirPrize, theirs.organizer.token()), 200)
                .get("quantityRemaining").asInt()).isZero();
    }

    @Test
    void participantsMayNotTouchTheFundAndAppsOnlyTheirOwnRooms() {
        PrizeWorld.Room room = world.activeRoom();
        PrizeWorld.Room other = world.activeRoom();
        PrizeWorld.User participant = world.user("p");
        world.member(room, participant, "participant");

        api.error(api.post(room.path() + "/prizes", participant.token(), "{\"name\":\"x\"}"), 403, "FORBIDDEN");
        String app = world.appToken(room.appId, List.of("prizes:write", "prizes:read"));
        assertThat(api.post(room.path() + "/prizes", app, "{\"name\":\"From the app\"}").statusCode()).isEqualTo(201);
        api.error(api.post(other.path() + "/prizes", app, "{\"name\":\"x\"}"), 403, "APP_PERMISSION_DENIED");
        api.error(api.post(room.path() + "/prizes", world.appToken(room.appId, List.of("prizes:read")), "{\"name\":\"x\"}"),
                403, "APP_PERMISSION_DENIED");
        PrizeWorld.Room secret = world.room("active", false);
        api.error(api.get(secret.path() + "/prizes", participant.token()), 404, "NOT_FOUND");
        assertThat(api.get(secret.path() + "/prizes", world.admin().token()).statusCode()).isEqualTo(200);
    }
}
