package io.eventplatform.room.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.room.RoomApiTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo rooms: both apps, every status, every role; loading twice changes nothing. The demo users are the newest of
 * their names: after a reset of identity-service the replica also holds the ones it no longer knows.
 */
class DemoRoomsTest extends RoomApiTestSupport {

    static final List<String> PEOPLE = List.of("Olivia Organizer", "Mo Moderator", "Pat Participant", "Vic Viewer");

    @Autowired
    DemoRooms demo;

    @Test
    void loadsRoomsInEveryStatusWithMembersInEveryRoleOnceForTheNewestDemoUsers() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // ids sort by creation time; a replica rebuilt from the topic gets them in no particular order
        Map<String, String> after = users("usr_demo_" + run + "_1");
        Map<String, String> before = users("usr_demo_" + run + "_0");
        await().atMost(Duration.ofSeconds(10)).until(() -> world.count("SELECT count(*) FROM replica_users WHERE id LIKE ?",
                "usr_demo_" + run + "%") == 8);
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
        assertThat(jdbc.queryForList("SELECT DISTINCT created_by FROM rooms WHERE name LIKE 'Demo %'", String.class))
                .containsExactly(after.get("Olivia Organizer"));
        assertThat(jdbc.queryForList("SELECT DISTINCT user_id FROM participants WHERE deleted_at IS NULL AND room_id IN "
                + "(SELECT id FROM rooms WHERE name LIKE 'Demo %')", String.class))
                .containsExactlyInAnyOrderElementsOf(after.values()).doesNotContainAnyElementsOf(before.values());
    }

    private Map<String, String> users(String idPrefix) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String name : PEOPLE) {
            String id = idPrefix + ids.size();
            world.publish(EventEnvelope.of(EventType.USER_REGISTERED, "identity-service", id, 1, null, new EventData.UserChanged(
                    new Snapshots.User(id, name, null, "user", false, Instant.now(), Instant.now()))));
            ids.put(name, id);
        }
        return ids;
    }
}
