package io.eventplatform.room.seed;

import io.eventplatform.contracts.json.PlatformJson;
import io.eventplatform.contracts.rooms.RoomRole;
import io.eventplatform.contracts.rooms.RoomStatus;
import io.eventplatform.room.participant.Memberships;
import io.eventplatform.room.room.Room;
import io.eventplatform.room.room.RoomService;
import io.eventplatform.support.body.Submitted;
import io.eventplatform.support.security.Caller;
import io.eventplatform.support.seed.DemoDataLoader;
import io.eventplatform.support.seed.ReplicaWait;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * room-service's part of the demo: for both demo apps a room in every status (and one private room), with Olivia
 * as organizer, Mo as moderator, Pat as participant and Vic as viewer — created through the service's own code,
 * so every event is published as for any other change. It needs identity-service's demo users and apps in the
 * replicas first (it waits for them). Running it again changes nothing.
 */
@Component
public class DemoRooms implements DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoRooms.class);
    static final List<String> APPS = List.of("app_lottery_v1", "app_quiz_v1");
    static final Map<String, String> SETTINGS = Map.of(
            "app_lottery_v1", "{\"ticketCount\": 3}",
            "app_quiz_v1", "{\"questions\": [{\"text\": \"Who walked on the Moon first?\", \"answers\": [\"Neil Armstrong\", \"Buzz Aldrin\"], \"correct\": 0}]}");

    private final RoomService rooms;
    private final Memberships memberships;
    private final JdbcClient jdbc;

    DemoRooms(RoomService rooms, Memberships memberships, JdbcClient jdbc) {
        this.rooms = rooms;
        this.memberships = memberships;
        this.jdbc = jdbc;
    }

    @Override
    public List<String> load() {
        load(Duration.ofSeconds(60));
        return List.of();
    }

    /** Creates the demo rooms unless they exist (waiting at most {@code wait} for the replicas); returns how many it created. */
    public int load(Duration wait) {
        Map<String, String> people = awaitReplicas(wait);
        Caller olivia = Caller.user(people.get("Olivia Organizer"), false);
        if (jdbc.sql("SELECT count(*) FROM rooms WHERE created_by = ? AND name LIKE 'Demo %'").param(olivia.userId())
                .query(Long.class).single() > 0) {
            log.info("Demo rooms exist already");
            return 0;
        }
        int created = 0;
        for (String appId : APPS) {
            for (RoomStatus status : RoomStatus.values()) {
                create(olivia, people, appId, status, true);
                created++;
            }
        }
        create(olivia, people, "app_lottery_v1", RoomStatus.ACTIVE, false);
        log.info("Demo data: {} rooms with members in every role", created + 1);
        return created + 1;
    }

    private void create(Caller organizer, Map<String, String> people, String appId, RoomStatus status, boolean isPublic) {
        String name = "Demo " + appId.replace("app_", "").replace("_v1", "") + " (" + status.wire() + (isPublic ? "" : ", private") + ")";
        Room room = rooms.create(organizer, Submitted.of(new RoomService.NewRoom(name, null, appId,
                PlatformJson.mapper().readTree(SETTINGS.get(appId)), isPublic, null))).room();
        Map<String, RoomRole> roles = new LinkedHashMap<>();
        roles.put("Mo Moderator", RoomRole.MODERATOR);
        roles.put("Pat Participant", RoomRole.PARTICIPANT);
        roles.put("Vic Viewer", RoomRole.VIEWER);
        roles.forEach((person, role) -> memberships.join(organizer, room.id(),
                Submitted.of(new Memberships.Join(people.get(person), role, null))));
        List<RoomStatus> path = switch (status) {
            case ACTIVE -> List.of(RoomStatus.ACTIVE);
            case COMPLETED -> List.of(RoomStatus.ACTIVE, RoomStatus.COMPLETED);
            case CANCELLED -> List.of(RoomStatus.CANCELLED);
            case DRAFT -> List.of();
        };
        path.forEach(next -> rooms.update(organizer, room.id(), Submitted.of(Room.Update.toStatus(next))));
    }

    /** Demo user ids by name, once identity-service's demo users and apps have reached the replicas. */
    private Map<String, String> awaitReplicas(Duration wait) {
        return ReplicaWait.until(wait, () -> {
            Map<String, String> people = people();
            return people.size() == 4 && demoApps() == 2 ? Optional.of(people) : Optional.empty();
        }, () -> "identity-service's demo users and apps have not reached room-service (found " + people().keySet()
                + " and " + demoApps() + " of 2 apps); seed identity-service first");
    }

    /** The newest user of each demo name (ids sort by creation): after a reset of identity-service, the one it knows. */
    private Map<String, String> people() {
        Map<String, String> people = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT name, id FROM replica_users
                 WHERE NOT deleted AND name IN ('Olivia Organizer', 'Mo Moderator', 'Pat Participant', 'Vic Viewer')
                 ORDER BY id""")
                .query(rs -> {
                    people.put(rs.getString("name"), rs.getString("id"));
                });
        return people;
    }

    private long demoApps() {
        return jdbc.sql("SELECT count(*) FROM replica_apps WHERE app_id IN ('app_lottery_v1', 'app_quiz_v1') AND is_active AND NOT deleted")
                .query(Long.class).single();
    }
}
