package io.eventplatform.prize.prizes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.support.ids.Ids;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rooms and participants arrive by Kafka; a late or repeated event never overwrites newer state. */
class PrizeReplicasTest extends PrizeApiTestSupport {

    @Test
    void aLateJoinAfterTheLeaveKeepsTheParticipantInactive() {
        PrizeWorld.Room room = world.activeRoom();
        String id = Ids.next("part");
        EventEnvelope<?> joined = participant(room, id, true, 1);
        EventEnvelope<?> left = participant(room, id, false, 2);

        world.publish(left);
        world.publish(joined);
        world.publish(left);

        await().atMost(Duration.ofSeconds(10)).until(() ->
                world.count("SELECT count(*) FROM processed_events WHERE event_id IN (?, ?)", joined.id(), left.id()) == 2);
        assertThat(jdbc.queryForObject("SELECT active FROM replica_participants WHERE id = ?", Boolean.class, id)).isFalse();
        assertThat(world.count("SELECT aggregate_version FROM replica_participants WHERE id = ?", id)).isEqualTo(2);
    }

    @Test
    void theRoomReplicaFollowsStatusChangesInOrderOfVersion() {
        PrizeWorld.Room room = world.activeRoom();
        world.setStatus(room, "completed");

        assertThat(jdbc.queryForObject("SELECT status::text FROM replica_rooms WHERE id = ?", String.class, room.id)).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("SELECT app_id FROM replica_rooms WHERE id = ?", String.class, room.id)).isEqualTo(room.appId);
    }

    private static EventEnvelope<?> participant(PrizeWorld.Room room, String id, boolean active, long version) {
        return EventEnvelope.of(active ? EventType.PARTICIPANT_JOINED : EventType.PARTICIPANT_LEFT, "room-service", id, version,
                room.id, new EventData.ParticipantChanged(new Snapshots.Participant(id, room.id, "usr_late", "participant", null,
                        active, null, Instant.now(), Instant.now(), new Snapshots.UserSummary("usr_late", null, null)), null, null));
    }
}
