package io.eventplatform.prize.winner;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.prize.PrizeApiTestSupport;
import io.eventplatform.prize.PrizeWorld;
import io.eventplatform.support.ids.Ids;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Winners by hand: every eligibility rule, revocation, history after leaving, and idempotent retries. */
class WinnersApiTest extends PrizeApiTestSupport {

    @Autowired
    MeterRegistry meters;

    String select(PrizeWorld.Room room, String participantId, String prizeId) {
        return "{\"participantId\":\"" + participantId + "\",\"prizeId\":\"" + prizeId + "\"}";
    }

    @Test
    void aWinnerComesWithWhoWonAndWhatAndTakesAUnit() {
        PrizeWorld.Room room = world.activeRoom();
        PrizeWorld.User ann = world.user("ann");
        world.registerUser(ann, "Ann");
        String participant = world.member(room, ann, "participant");
        String prize = world.prize(room, 2).get("id").asString();

        JsonNode winner = api.data(api.post(room.path() + "/winners", room.organizer.token(), select(room, participant, prize)), 201);

        assertThat(winner.get("id").asString()).startsWith("win_");
        assertThat(winner.get("participant").get("id").asString()).isEqualTo(participant);
        assertThat(winner.get("participant").get("active").asBoolean()).isTrue();
        assertThat(winner.get("participant").get("user").get("name").asString()).isEqualTo("Ann");
        assertThat(winner.get("prize").get("name").asString()).isEqualTo("Mug");
        assertThat(winner.get("prize").get("imageUrl").asString()).isEqualTo("https://example.com/mug.png");
        assertThat(api.data(api.get(room.path() + "/prizes/" + prize, ann.token()), 200).get("quantityRemaining").asInt()).isEqualTo(1);
        assertThat(world.outboxTypes(room.id)).endsWith("PrizeUpdated", "WinnerSelected");
        JsonNode list = api.body(api.get(room.path() + "/winners?prizeId=" + prize, ann.token()), 200);
        assertThat(list.get("meta").get("total").asInt()).isEqualTo(1);
        assertThat(api.data(api.get(room.path() + "/winners?participantId=part_none", ann.token()), 200)).isEmpty();
        assertThat(api.data(api.get(room.path() + "/winners/" + winner.get("id").asString(), ann.token()), 200)
                .get("prizeId").asString()).isEqualTo(prize);
    }

    @Test
    void aParticipantTheReplicaLacksIsStill404WhenRoomServiceCannotConfirmThemAndTheBreakerOpens() {
        PrizeWorld.Room room = world.activeRoom();
        String prize = world.prize(room, 1).get("id").asString();

        for (int i = 0; i < 8; i++) {
            api.error(api.post(room.path() + "/winners", room.organizer.token(), select(room, Ids.next("part"), prize)),
                    404, "NOT_FOUND");
        }

        assertThat(meters.get("resilience4j.circuitbreaker.state").tags("name", "room-service", "state", "open")
                .gauge().value()).isEqualTo(1.0);
    }

    @Test
    void everyEligibilityRuleHasItsAnswer() {
        PrizeWorld.Room room = world.activeRoom();
        String token = room.organizer.token();
        String prize = world.prize(room, 1).get("id").asString();
        String viewer = world.member(room, world.user("v"), "viewer");
        String moderator = world.member(room, world.user("m"), "moderator");
        PrizeWorld.User leaver = world.user("l");
        String left = world.member(room, leaver, "participant");
        world.leave(room, left, leaver.id(), "participant", 2);
        String first = world.participant(room);
        String second = world.participant(room);

        api.error(api.post(room.path() + "/winners", token, select(room, "part_unknown", prize)), 404, "NOT_FOUND");
        api.error(api.post(room.path() + "/winners", token, select(room, first, "prz_unknown")), 404, "NOT_FOUND");
        api.error(api.post(room.path() + "/winners", token, "{\"prizeId\":1}"), 422, "VALIDATION_ERROR");
        api.error(api.post(room.path() + "/winners", token, select(room, viewer, prize)), 409, "PARTICIPANT_NOT_ELIGIBLE");
        api.error(api.post(room.path() + "/winners", token, select(room, moderator, prize)), 409, "PARTICIPANT_NOT_ELIGIBLE");
        api.error(api.post(room.path() + "/winners", token, select(room, left, prize)), 409, "PARTICIPANT_NOT_ELIGIBLE");
        api.data(api.post(room.path() + "/winners", token, select(room, first, prize)), 201);
        api.error(api.post(room.path() + "/winners", token, select(room, first, prize)), 409, "CONFLICT");
        api.error(api.post(room.path() + "/winners", token, select(room, second, prize)), 409, "PRIZE_EXHAUSTED");

        PrizeWorld.Room draft = world.room("draft", true);
        String draftPrize = world.prize(draft, 1).get("id").asString();
        api.error(api.post(draft.path() + "/winners", draft.organizer.token(), select(draft, world.participant(draft), draftPrize)),
                409, "ROOM_NOT_ACTIVE");
    }

    @Test
    void revokingGivesTheUnitBackAndOnlyTheOrganizerMayDoIt() {
        PrizeWorld.Room room = world.activeRoom();
        PrizeWorld.User mod = world.user("mod");
        world.member(room, mod, "moderator");
        String prize = world.prize(room, 1).get("id").asString();
        String winner = api.data(api.post(room.path() + "/winners", mod.token(), select(room, world.participant(room), prize)), 201)
                .get("id").asString();

        api.error(api.delete(room.path() + "/winners/" + winner, mod.token()), 403, "FORBIDDEN");
        api.data(api.delete(room.path() + "/winners/" + winner, room.organizer.token()), 200);

        api.error(api.get(room.path() + "/winners/" + winner, room.organizer.token()), 404, "NOT_FOUND");
        assertThat(api.data(api.get(room.path() + "/prizes/" + prize, mod.token()), 200).get("quantityRemaining").asInt()).isEqualTo(1);
        api.error(api.delete(room.path() + "/winners/" + winner, room.organizer.token()), 404, "NOT_FOUND");
        String again = api.data(api.post(room.path() + "/winners", mod.token(), select(room, world.participant(room), prize)), 201)
                .get("id").asString();
        world.setStatus(room, "cancelled");
        api.error(api.delete(room.path() + "/winners/" + again, room.organizer.token()), 409, "ROOM_NOT_ACTIVE");
    }

    @Test
    void aWinnerWhoLeftStaysInTheHistoryAsInactive() {
        PrizeWorld.Room room = world.activeRoom();
        PrizeWorld.User ann = world.user("ann");
        String participant = world.member(room, ann, "participant");
        String prize = world.prize(room, 1).get("id").asString();
        String winner = api.data(api.post(room.path() + "/winners", room.organizer.token(), select(room, participant, prize)), 201)
                .get("id").asString();

        world.leave(room, participant, ann.id(), "participant", 2);

        JsonNode kept = api.data(api.get(room.path() + "/winners/" + winner, room.organizer.token()), 200);
        assertThat(kept.get("participant").get("active").asBoolean()).isFalse();
    }

    @Test
    void aRetriedSelectionWithTheSameIdempotencyKeyAwardsOnce() {
        PrizeWorld.Room room = world.activeRoom();
        String prize = world.prize(room, 5).get("id").asString();
        String body = select(room, world.participant(room), prize);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        HttpResponse<String> first = api.send("POST", room.path() + "/winners", room.organizer.token(), body, key);
        HttpResponse<String> retry = api.send("POST", room.path() + "/winners", room.organizer.token(), body, key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(api.data(api.get(room.path() + "/prizes/" + prize, room.organizer.token()), 200).get("quantityRemaining").asInt())
                .isEqualTo(4);
        api.error(api.send("POST", room.path() + "/winners", room.organizer.token(), select(room, world.participant(room), prize), key),
                422, "IDEMPOTENCY_KEY_REUSED");
    }
}
