package io.eventplatform.prize.draw;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.contracts.draws.FisherYatesSha256;
import io.eventplatform.prize.PrizeApiTestSupport;
import io.eventplatform.prize.PrizeWorld;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A draw among 100,000 eligible participants: it completes, and it recomputes from what it published. (The
 * participants are written straight into the replica: 100k Kafka events would test Kafka, not the draw. How fast
 * it is belongs to the benchmarks; the log line says how long it took.)
 */
class LargeDrawTest extends PrizeApiTestSupport {

    @Test
    void aHundredThousandEligibleParticipantsDrawAndVerify() {
        PrizeWorld.Room room = world.activeRoom();
        jdbc.update("""
                INSERT INTO replica_participants (id, room_id, user_id, role, active, aggregate_version)
                SELECT 'part_' || lpad(to_hex(g), 26, '0'), ?, 'usr_bulk_' || g, 'PARTICIPANT', true, 1
                  FROM generate_series(1, 100000) g""", room.id);
        jdbc.execute("ANALYZE replica_participants");
        String prize = world.prize(room, 25).get("id").asString();

        long started = System.nanoTime();
        JsonNode draw = api.data(api.post(room.path() + "/draws", room.organizer.token(), "{\"prizeId\":\"" + prize + "\"}"), 201);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("draw among 100000 eligible, 25 winners: " + millis + " ms");

        assertThat(draw.get("eligibleCount").asInt()).isEqualTo(100_000);
        List<String> eligible = new ArrayList<>();
        api.data(api.get(room.path() + "/draws/" + draw.get("id").asString() + "/eligible", room.organizer.token()), 200)
                .get("participantIds").forEach(id -> eligible.add(id.asString()));
        assertThat(eligible).hasSize(100_000);
        assertThat(FisherYatesSha256.verify(draw.get("seed").asString(), draw.get("seedHash").asString(), eligible,
                draw.get("eligibleDigest").asString(), draw.get("winners").findValuesAsString("participantId"))).isTrue();
    }
}
