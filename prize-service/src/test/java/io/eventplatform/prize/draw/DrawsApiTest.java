package io.eventplatform.prize.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventplatform.contracts.draws.FisherYatesSha256;
import io.eventplatform.prize.PrizeApiTestSupport;
import io.eventplatform.prize.PrizeWorld;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Draws: who is eligible, every 4xx rule, the audit trail, and a draw recomputed from what it published. */
class DrawsApiTest extends PrizeApiTestSupport {

    @Test
    void aDrawCanBeRecomputedFromItsPublishedSeedAndEligibleList() {
        PrizeWorld.Room room = world.activeRoom();
        List<String> participants = world.participants(room, 12);
        String prize = world.prize(room, 3).get("id").asString();

        JsonNode draw = api.data(api.post(room.path() + "/draws", room.organizer.token(), "{\"prizeId\":\"" + prize + "\"}"), 201);

        assertThat(draw.get("id").asString()).startsWith("drw_");
        assertThat(draw.get("algorithm").asString()).isEqualTo("fisher-yates-sha256-v1");
        assertThat(draw.get("requested").asInt()).isEqualTo(3);
        assertThat(draw.get("eligibleCount").asInt()).isEqualTo(12);
        assertThat(draw.get("delegatedToApp").asBoolean()).isFalse();
        assertThat(draw.get("winners")).hasSize(3);
        List<String> winners = new ArrayList<>();
        draw.get("winners").forEach(winner -> winners.add(winner.get("participantId").asString()));
        assertThat(participants).containsAll(winners);

        // what anyone can fetch: the draw, and the list it drew from
        JsonNode published = api.data(api.get(room.path() + "/draws/" + draw.get("id").asString(), world.user("x").token()), 200);
        List<String> eligible = new ArrayList<>();
        api.data(api.get(room.path() + "/draws/" + draw.get("id").asString() + "/eligible", room.organizer.token()), 200)
                .get("participantIds").forEach(id -> eligible.add(id.asString()));
        assertThat(eligible).containsExactlyInAnyOrderElementsOf(participants);
        assertThat(FisherYatesSha256.verify(published.get("seed").asString(), published.get("seedHash").asString(), eligible,
                published.get("eligibleDigest").asString(), winners)).isTrue();
        assertThat(FisherYatesSha256.draw(java.util.HexFormat.of().parseHex(published.get("seed").asString()), eligible, 3)
                .winners()).containsExactlyElementsOf(winners);
        assertThat(api.data(api.get(room.path() + "/prizes/" + prize, room.organizer.token()), 200).get("quantityRemaining").asInt())
                .isZero();
        assertThat(world.outboxTypes(room.id)).endsWith("WinnerSelected", "WinnerSelected", "WinnerSelected", "PrizeUpdated",
                "DrawCompleted");
    }

    @Test
    void previousWinnersAreLeftOutUnlessAskedAndHoldersOfThePrizeAlways() {
        PrizeWorld.Room room = world.activeRoom();
        List<String> participants = world.participants(room, 4);
        String first = world.prize(room, 2).get("id").asString();
        String second = world.prize(room, 4).get("id").asString();
        JsonNode firstDraw = api.data(api.post(room.path() + "/draws", room.organizer.token(), "{\"prizeId\":\"" + first + "\"}"), 201);
        List<String> firstWinners = firstDraw.get("winners").findValuesAsString("participantId");

        JsonNode excluded = api.data(api.post(room.path() + "/draws", room.organizer.token(),
                "{\"prizeId\":\"" + second + "\",\"count\":1}"), 201);
        assertThat(excluded.get("eligibleCount").asInt()).isEqualTo(2);
        assertThat(firstWinners).doesNotContain(excluded.get("winners").get(0).get("participantId").asString());
        JsonNode everyone = api.data(api.post(room.path() + "/draws", room.organizer.token(),
                "{\"prizeId\":\"" + second + "\",\"excludePreviousWinners\":false}"), 201);
        // four participants, one of whom already holds the second prize
        assertThat(everyone.get("eligibleCount").asInt()).isEqualTo(3);
        assertThat(everyone.get("requested").asInt()).isEqualTo(3);
        assertThat(everyone.get("winners")).hasSize(3);
        assertThat(new HashSet<>(participants)).hasSize(4);
    }

    @Test
    void everyRefusalHasItsCode() {
        PrizeWorld.Room room = world.activeRoom();
        String token = room.organizer.token();
        String prize = world.prize(room, 2).get("id").asString();

        api.error(api.post(room.path() + "/draws", token, "{\"prizeId\":\"" + prize + "\"}"), 409, "NO_ELIGIBLE_PARTICIPANTS");
        world.participants(room, 1);
        api.error(api.post(room.path() + "/draws", token, "{\"prizeId\":\"" + prize + "\",\"count\":3}"), 422, "VALIDATION_ERROR");
        api.error(api.post(room.path() + "/draws", token, "{\"prizeId\":\"" + prize + "\",\"count\":0}"), 422, "VALIDATION_ERROR");
        api.error(api.post(room.path() + "/draws", token, "{\"count\":1}"), 422, "VALIDATION_ERROR");
        api.error(api.post(room.path() + "/draws", token, "{\"prizeId\":\"prz_unknown\"}"), 404, "NOT_FOUND");
        // fewer eligible than requested: everyone eligible wins
        JsonNode draw = api.data(api.post(room.path() + "/draws", token, "{\"prizeId\":\"" + prize + "\",\"count\":2}"), 201);
        assertThat(draw.get("requested").asInt()).isEqualTo(2);
        assertThat(draw.get("winners")).hasSize(1);
        world.participants(room, 2);
        api.data(api.post(room.path() + "/draws", token, "{\"prizeId\":\"" + prize + "\"}"), 201);
        api.error(api.post(room.path() + "/draws", token, "{\"prizeId\":\"" + prize + "\"}"), 409, "PRIZE_EXHAUSTED");
        PrizeWorld.User participant = world.user("p");
        world.member(room, participant, "participant");
        api.error(api.post(room.path() + "/draws", participant.token(), "{\"prizeId\":\"" + prize + "\"}"), 403, "FORBIDDEN");
        api.error(api.post(room.path() + "/draws", world.appToken(room.appId, List.of("winners:write")), "{\"prizeId\":\"" + prize + "\"}"),
                403, "APP_PERMISSION_DENIED");
        world.setStatus(room, "completed");
        api.error(api.post(room.path() + "/draws", token, "{\"prizeId\":\"" + prize + "\"}"), 409, "ROOM_NOT_ACTIVE");

        JsonNode history = api.body(api.get(room.path() + "/draws", token), 200);
        assertThat(history.get("meta").get("total").asInt()).isEqualTo(2);
        api.error(api.get(room.path() + "/draws/drw_unknown", token), 404, "NOT_FOUND");
    }

    @Test
    void aRetriedDrawWithTheSameIdempotencyKeyDrawsOnce() {
        PrizeWorld.Room room = world.activeRoom();
        world.participants(room, 5);
        String prize = world.prize(room, 4).get("id").asString();
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        String body = "{\"prizeId\":\"" + prize + "\",\"count\":1}";

        HttpResponse<String> first = api.send("POST", room.path() + "/draws", room.organizer.token(), body, key);
        HttpResponse<String> retry = api.send("POST", room.path() + "/draws", room.organizer.token(), body, key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(world.count("SELECT count(*) FROM draws WHERE prize_id = ?", prize)).isEqualTo(1);
    }

    @Test
    void aDeletedRoomTakesItsPrizesAndWinnersWithIt() {
        PrizeWorld.Room room = world.activeRoom();
        world.participants(room, 2);
        String prize = world.prize(room, 1).get("id").asString();
        api.data(api.post(room.path() + "/draws", room.organizer.token(), "{\"prizeId\":\"" + prize + "\"}"), 201);

        world.deleteRoom(room);

        await().atMost(Duration.ofSeconds(10)).until(() ->
                world.count("SELECT count(*) FROM prizes WHERE room_id = ? AND deleted_at IS NULL", room.id) == 0
                        && world.count("SELECT count(*) FROM winners WHERE room_id = ? AND deleted_at IS NULL", room.id) == 0);
        api.error(api.get(room.path() + "/prizes", room.organizer.token()), 404, "NOT_FOUND");
        assertThat(world.outboxTypes(room.id)).contains("WinnerRevoked").endsWith("PrizeDeleted");
    }
}
