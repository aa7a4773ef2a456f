package io.eventplatform.room.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.room.RoomApiTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo rooms: both apps, every status, every role; loading twice changes nothing. */
class DemoRoomsTest extends RoomApiTestSupport {

    @Autowired
    DemoRooms demo;

    @Test
    void loadsRoomsInEveryStatusWithMembersInEveryRoleOnce() {
        for (String name : List.of("Olivia Organizer", "Mo Moderator", "Pat Participant", "Vic Viewer")) {
            String id = "usr_demo_" + UUID.randomUUID().toString().substring(0, 8);
            world.publish(EventEnvelope.of(EventType.USER_REGISTERED, "identity-service", id, 1, null, new EventData.UserChanged(
                    new Snapshots.User(id, name, null, "user", false, Instant.now(), Instant.now()))));
        }
        world.publishManifest("app_lottery_v1", "1.0.0", """
                {"type": "object", "required": ["ticketCount"], "properties": {"ticketCount": {"type": "integer"}}}""", 1);
        world.publishManifest("app_quiz_v1", "1.0.0", """
                {"type": "object", "required": ["questions"], "properties": {"questions": {"type": "array", "minItems": 1}}}""", 1);

        assertThat(demo.load(Duration.ofSeconds(10))).isEqualTo(9);
        long events = world.count("SELECT count(*) FROM outbox_events");
        assertThat(demo.load(Duration.ofSeconds(10))).isZero();

        assertThat(world.count("SELECT count(*) FROM outbox_events")).isEqualTo(events);
        for (String app : DemoRooms.APPS) {
            assertThat(jdbc.queryForList("SELECT DISTINCT status::text FROM rooms WHERE app_id = ? ORDER BY 1", String.class, app))
                    .containsExactly("ACTIVE", "CANCELLED", "COMPLETED", "DRAFT");
        }
        assertThat(jdbc.queryForList("""
                SELECT DISTINCT p.role::text FROM participants p JOIN rooms r ON r.id = p.room_id
                 WHERE r.app_id = 'app_quiz_v1' AND p.deleted_at IS NULL ORDER BY 1""", String.class))
                .containsExactly("MODERATOR", "ORGANIZER", "PARTICIPANT", "VIEWER");
        assertThat(world.count("SELECT count(*) FROM rooms WHERE NOT is_public AND app_id = 'app_lottery_v1'")).isEqualTo(1);
    }
}
