package io.eventplatform.prize.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.prize.PrizeApiTestSupport;
import io.eventplatform.prize.PrizeWorld;
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
    void anUnreadableMembershipEventIsSetAsideAndTheOnesAroundItAreApplied() {
        PrizeWorld.Room room = world.activeRoom();
        EventEnvelope<?> before = participant(room, Ids.next("part"), "usr_before", true, 1);
        EventEnvelope<?> after = participant(room, Ids.next("part"), "usr_after", true, 1);

        world.publish(before);
        kafka.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                io.eventplatform.contracts.events.Topics.ROOM_PARTICIPANTS, room.id, "{not an event")).join();
        world.publish(after);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                world.count("SELECT count(*) FROM replica_participants WHERE id IN (?, ?) AND active",
                        before.aggregateId(), after.aggregateId()) == 2);
        assertThat(world.count("SELECT count(*) FROM processed_events WHERE event_id IN (?, ?)", before.id(), after.id()))
                .isEqualTo(2);
    }

    @Test
    void aBurstOfMembershipsIsAppliedOnceEachWhateverTheRedeliveries() {
        PrizeWorld.Room room = world.activeRoom();
        java.util.List<EventEnvelope<?>> joins = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            joins.add(participant(room, Ids.next("part"), "usr_crowd_" + i, true, 1));
        }
        joins.forEach(world::publish);
        joins.subList(0, 100).forEach(world::publish);

        await().atMost(Duration.ofSeconds(30)).until(() -> world.count(
                "SELECT count(*) FROM replica_participants WHERE room_id = ? AND active AND user_id LIKE 'usr_crowd_%'", room.id) == 300);
        assertThat(world.count("SELECT count(*) FROM processed_events WHERE consumer = 'participant-replica' "
                + "AND event_id::text = ANY (?::text[])",
                "{" + String.join(",", joins.stream().map(join -> join.id().toString()).toList()) + "}"))
                .isEqualTo(300);
    }

    @Test
    void theRoomReplicaFollowsStatusChangesInOrderOfVersion() {
        PrizeWorld.Room room = world.activeRoom();
        world.setStatus(room, "completed");

        assertThat(jdbc.queryForObject("SELECT status::text FROM replica_rooms WHERE id = ?", String.class, room.id)).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject("SELECT app_id FROM replica_rooms WHERE id = ?", String.class, room.id)).isEqualTo(room.appId);
    }

    private static EventEnvelope<?> participant(PrizeWorld.Room room, String id, boolean active, long version) {
        return participant(room, id, "usr_late", active, version);
    }

    private static EventEnvelope<?> participant(PrizeWorld.Room room, String id, String user, boolean active, long version) {
        return EventEnvelope.of(active ? EventType.PARTICIPANT_JOINED : EventType.PARTICIPANT_LEFT, "room-service", id, version,
                room.id, new EventData.ParticipantChanged(new Snapshots.Participant(id, room.id, user, "participant", null,
                        active, null, Instant.now(), Instant.now(), new Snapshots.UserSummary(user, null, null)), null, null));
    }
}
