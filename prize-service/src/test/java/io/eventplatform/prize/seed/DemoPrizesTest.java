package io.eventplatform.prize.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.prize.PrizeApiTestSupport;
import io.eventplatform.prize.PrizeWorld;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo prizes: several quantities in each active demo room, a winner, a completed draw; loading twice changes nothing. */
class DemoPrizesTest extends PrizeApiTestSupport {

    @Autowired
    DemoPrizes demo;

    @Test
    void loadsPrizesWinnersAndADrawOnce() {
        PrizeWorld.User olivia = world.user("olivia");
        PrizeWorld.User pat = world.user("pat");
        world.registerUser(olivia, "Olivia Organizer");
        world.registerUser(pat, "Pat Participant");
        for (String app : new String[] {"app_lottery_v1", "app_lottery_v1", "app_quiz_v1"}) {
            PrizeWorld.Room room = new PrizeWorld.Room(io.eventplatform.support.ids.Ids.next("room"), app, olivia, true);
            world.publish(EventEnvelope.of(EventType.ROOM_CREATED, "room-service", room.id, 1, room.id, new EventData.RoomChanged(
                    new Snapshots.Room(room.id, "Demo", null, app, "1.0.0", api.json("{}"), "active", true, olivia.id(),
                            Instant.now(), Instant.now(), null), null, null, null)));
            world.member(room, olivia, "organizer");
            world.member(room, pat, "participant");
        }

        assertThat(demo.load(Duration.ofSeconds(10))).isEqualTo(9);
        long events = world.count("SELECT count(*) FROM outbox_events");
        assertThat(demo.load(Duration.ofSeconds(10))).isZero();

        assertThat(world.count("SELECT count(*) FROM outbox_events")).isEqualTo(events);
        assertThat(world.count("SELECT count(DISTINCT quantity) FROM prizes")).isGreaterThanOrEqualTo(3);
        assertThat(world.count("SELECT count(*) FROM draws d JOIN prizes p ON p.id = d.prize_id WHERE p.name = 'Cinema tickets'"))
                .isEqualTo(3);
        assertThat(world.count("SELECT count(*) FROM winners w JOIN prizes p ON p.id = w.prize_id WHERE p.name = 'Espresso machine'"))
                .isEqualTo(3);
    }
}
