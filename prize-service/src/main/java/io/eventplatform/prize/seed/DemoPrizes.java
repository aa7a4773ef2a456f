package io.eventplatform.prize.seed;

import io.eventplatform.contracts.json.PlatformJson;
import io.eventplatform.prize.draw.DrawService;
import io.eventplatform.prize.fund.PrizeFund;
import io.eventplatform.prize.winner.Awards;
import io.eventplatform.support.body.Submitted;
import io.eventplatform.support.security.Caller;
import io.eventplatform.support.seed.DemoDataLoader;
import io.eventplatform.support.seed.ReplicaWait;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * prize-service's part of the demo: prizes of several quantities in the active demo rooms, a winner chosen by
 * hand and one completed draw — through the service's own code, so every event is published. It waits until
 * room-service's demo rooms and members have reached the replicas. Running it again changes nothing.
 */
@Component
public class DemoPrizes implements DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoPrizes.class);

    private final PrizeFund fund;
    private final Awards awards;
    private final DrawService draws;
    private final JdbcClient jdbc;

    DemoPrizes(PrizeFund fund, Awards awards, DrawService draws, JdbcClient jdbc) {
        this.fund = fund;
        this.awards = awards;
        this.draws = draws;
        this.jdbc = jdbc;
    }

    @Override
    public List<String> load() {
        load(Duration.ofSeconds(60));
        return List.of();
    }

    /** Creates the demo prizes unless the demo rooms have some (waiting at most {@code wait}); returns how many it created. */
    public int load(Duration wait) {
        Demo demo = awaitReplicas(wait);
        if (jdbc.sql("SELECT count(*) FROM prizes WHERE room_id IN (:rooms)").param("rooms", demo.rooms()).query(Long.class).single() > 0) {
            log.info("Demo prizes exist already");
            return 0;
        }
        Caller olivia = Caller.user(demo.organizer(), false);
        int created = 0;
        for (String room : demo.rooms()) {
            String top = fund.create(olivia, room, prize("Espresso machine", 1,
                    PlatformJson.mapper().valueToTree(Map.of("sponsor", "Cafe Central")))).prize().id();
            String tickets = fund.create(olivia, room, prize("Cinema tickets", 3, null)).prize().id();
            fund.create(olivia, room, prize("Chocolate box", 10, null));
            created += 3;
            String pat = jdbc.sql("SELECT id FROM replica_participants WHERE room_id = ? AND user_id = ? AND active")
                    .params(room, demo.participant()).query(String.class).single();
            awards.select(olivia, room, Submitted.of(new Awards.Selection(pat, top, null)));
            draws.draw(olivia, room, Submitted.of(new DrawService.Request(tickets, 1, false)));
        }
        log.info("Demo data: {} prizes, {} winners by hand, {} draws", created, demo.rooms().size(), demo.rooms().size());
        return created;
    }

    private record Demo(String organizer, String participant, List<String> rooms) {
    }

    /** The active demo rooms (Olivia's, with Pat as a participant), once they have reached the replicas. */
    private Demo awaitReplicas(Duration wait) {
        return ReplicaWait.until(wait, () -> {
            Demo demo = demo();
            return demo.rooms().size() >= 3 ? Optional.of(demo) : Optional.empty();
        }, () -> "room-service's demo rooms have not reached prize-service (found " + demo().rooms().size()
                + " of 3 active rooms); seed identity-service and room-service first");
    }

    private Demo demo() {
        String olivia = userNamed("Olivia Organizer");
        String pat = userNamed("Pat Participant");
        List<String> rooms = olivia == null || pat == null ? List.of() : jdbc.sql("""
                SELECT r.id FROM replica_rooms r
                 WHERE r.created_by = ? AND r.status = 'ACTIVE' AND NOT r.deleted AND r.app_id IN ('app_lottery_v1', 'app_quiz_v1')
                   AND EXISTS (SELECT 1 FROM replica_participants p WHERE p.room_id = r.id AND p.user_id = ? AND p.active
                               AND p.role = 'PARTICIPANT')
                 ORDER BY r.id""").params(olivia, pat).query(String.class).list();
        return new Demo(olivia == null ? "" : olivia, pat == null ? "" : pat, rooms);
    }

    /** The newest user of that name (ids sort by creation): after a reset of identity-service, the one it knows. */
    private String userNamed(String name) {
        return jdbc.sql("SELECT id FROM replica_users WHERE name = ? AND NOT deleted ORDER BY id DESC LIMIT 1").param(name)
                .query(String.class).optional().orElse(null);
    }

    private static Submitted<PrizeFund.NewPrize> prize(String name, int quantity, @Nullable JsonNode metadata) {
        return Submitted.of(new PrizeFund.NewPrize(name, null, null, quantity, metadata));
    }
}
