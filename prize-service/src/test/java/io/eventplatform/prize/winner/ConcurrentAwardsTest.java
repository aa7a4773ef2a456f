package io.eventplatform.prize.winner;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.prize.PrizeApiTestSupport;
import io.eventplatform.prize.PrizeWorld;
import io.eventplatform.testing.Parallel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Units under parallel requests: never over-awarded, never lost. */
class ConcurrentAwardsTest extends PrizeApiTestSupport {

    @Test
    void twoHundredParallelSelectionsOnTenUnitsMakeExactlyTenWinners() throws Exception {
        PrizeWorld.Room room = world.activeRoom();
        List<String> participants = world.participants(room, 200);
        String prize = world.prize(room, 10).get("id").asString();

        Map<Integer, Long> statuses = Parallel.statuses(200, i -> api.post(room.path() + "/winners", room.organizer.token(),
                "{\"participantId\":\"" + participants.get(i) + "\",\"prizeId\":\"" + prize + "\"}"));

        assertThat(statuses).containsOnly(Map.entry(201, 10L), Map.entry(409, 190L));
        assertThat(world.count("SELECT count(*) FROM winners WHERE prize_id = ? AND deleted_at IS NULL", prize)).isEqualTo(10);
        assertThat(api.data(api.get(room.path() + "/prizes/" + prize, room.organizer.token()), 200).get("quantityRemaining").asInt())
                .isZero();
    }

    @Test
    void twentyParallelDrawsOfOneOnFiveUnitsMakeFiveWinners() throws Exception {
        PrizeWorld.Room room = world.activeRoom();
        world.participants(room, 30);
        String prize = world.prize(room, 5).get("id").asString();

        Map<Integer, Long> statuses = Parallel.statuses(20, i -> api.post(room.path() + "/draws", room.organizer.token(),
                "{\"prizeId\":\"" + prize + "\",\"count\":1}"));

        assertThat(statuses).containsOnly(Map.entry(201, 5L), Map.entry(409, 15L));
        assertThat(world.count("SELECT count(*) FROM winners WHERE prize_id = ? AND deleted_at IS NULL", prize)).isEqualTo(5);
        assertThat(world.count("SELECT count(DISTINCT participant_id) FROM winners WHERE prize_id = ?", prize)).isEqualTo(5);
    }

    @Test
    void revocationsRacingSelectionsKeepTheCountExact() throws Exception {
        PrizeWorld.Room room = world.activeRoom();
        List<String> participants = world.participants(room, 60);
        String prize = world.prize(room, 10).get("id").asString();
        List<String> winners = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            winners.add(api.data(api.post(room.path() + "/winners", room.organizer.token(),
                    "{\"participantId\":\"" + participants.get(i) + "\",\"prizeId\":\"" + prize + "\"}"), 201).get("id").asString());
        }

        // ten revocations and fifty selections at once: whatever the interleaving, winners + units left = 10
        Map<Integer, Long> statuses = Parallel.statuses(60, i -> i < 10
                ? api.delete(room.path() + "/winners/" + winners.get(i), room.organizer.token())
                : api.post(room.path() + "/winners", room.organizer.token(),
                        "{\"participantId\":\"" + participants.get(i) + "\",\"prizeId\":\"" + prize + "\"}"));

        assertThat(statuses.keySet()).containsAnyOf(200, 201).doesNotContain(500, 503);
        long live = world.count("SELECT count(*) FROM winners WHERE prize_id = ? AND deleted_at IS NULL", prize);
        long left = world.count("SELECT quantity_remaining FROM prizes WHERE id = ?", prize);
        assertThat(live + left).isEqualTo(10);
        assertThat(statuses.getOrDefault(201, 0L)).isEqualTo(10 - left);
    }
}
