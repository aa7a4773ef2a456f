package io.eventplatform.prize;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.testing.MalformedRequests;
import io.eventplatform.testing.MalformedRequests.Endpoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated malformed requests to every prize-service endpoint: never a 5xx, always the error envelope,
 * and the prizes, winners, draws and outbox exactly as before.
 */
class GeneratedMalformedRequestsTest extends PrizeApiTestSupport {

    private static final long SEED = 20261202L;
    private static final List<String> PRIZE_FIELDS = List.of("name", "description", "imageUrl", "quantity", "metadata");
    private static final List<String> WINNER_FIELDS = List.of("participantId", "prizeId", "metadata");
    private static final List<String> DRAW_FIELDS = List.of("prizeId", "count", "excludePreviousWinners");

    @Test
    void noGeneratedRequestReachesA5xxOrChangesData() {
        PrizeWorld.Room room = world.activeRoom();
        world.participants(room, 2);
        String prize = room.path() + "/prizes/" + world.prize(room, 3).get("id").asString();
        String winner = room.path() + "/winners/win_01M8VB29EXXK6JZTY6JADNV7ME";
        String draw = room.path() + "/draws/drw_01M8VB29EXXK6JZTY6JADNV7ME";
        List<Endpoint> endpoints = List.of(new Endpoint("POST", room.path() + "/prizes", PRIZE_FIELDS),
                new Endpoint("GET", room.path() + "/prizes", List.of()), new Endpoint("GET", prize, List.of()),
                new Endpoint("PATCH", prize, PRIZE_FIELDS), new Endpoint("DELETE", prize, List.of()),
                new Endpoint("POST", room.path() + "/winners", WINNER_FIELDS),
                new Endpoint("GET", room.path() + "/winners", List.of()), new Endpoint("GET", winner, List.of()),
                new Endpoint("DELETE", winner, List.of()), new Endpoint("POST", room.path() + "/draws", DRAW_FIELDS),
                new Endpoint("GET", room.path() + "/draws", List.of()), new Endpoint("GET", draw, List.of()),
                new Endpoint("GET", draw + "/eligible", List.of()));

        int sent = new MalformedRequests(api, SEED).check(endpoints, room.organizer.token(), 3000, () -> jdbc.queryForObject("""
                SELECT (SELECT md5(coalesce(string_agg(p::text, ',' ORDER BY p.id), '')) FROM prizes p)
                    || (SELECT md5(coalesce(string_agg(w::text, ',' ORDER BY w.id), '')) FROM winners w)
                    || (SELECT count(*) FROM draws) || '/' || (SELECT count(*) FROM outbox_events)""", String.class));

        assertThat(sent).isEqualTo(3000);
    }
}
