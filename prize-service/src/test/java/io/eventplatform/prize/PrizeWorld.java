package io.eventplatform.prize;

import static org.awaitility.Awaitility.await;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.support.ids.Ids;
import io.eventplatform.testing.ApiClient;
import io.eventplatform.testing.TestWorld;
import io.eventplatform.testing.TestTokenIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The Object Mother of prize-service tests: users with tokens, and rooms with members as room-service announces
 * them on Kafka (awaited in the replicas), and prizes made through the API.
 */
public final class PrizeWorld extends TestWorld {

    public record User(String id, String token) {
    }

    /** A room with its organizer and a version counter for its next event. */
    public static final class Room {
        public final String id;
        public final String appId;
        public final User organizer;
        public final boolean isPublic;
        public long version = 1;

        public Room(String id, String appId, User organizer, boolean isPublic) {
            this.id = id;
            this.appId = appId;
            this.organizer = organizer;
            this.isPublic = isPublic;
        }

        public String path() {
            return "/api/v1/rooms/" + id;
        }
    }

    private final ApiClient api;
    private final TestTokenIssuer tokens;

    public PrizeWorld(ApiClient api, TestTokenIssuer tokens, KafkaTemplate<String, String> kafka, JdbcTemplate jdbc) {
        super(kafka, jdbc);
        this.api = api;
        this.tokens = tokens;
    }

    public static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    public User user(String who) {
        String id = unique("usr_" + who);
        return new User(id, tokens.token(claims -> claims.subject(id)));
    }

    public User admin() {
        String id = unique("usr_admin");
        return new User(id, tokens.token(claims -> claims.subject(id).claim("prole", "admin")));
    }

    public String appToken(String appId, List<String> permissions) {
        return tokens.token(claims -> claims.subject(appId).claim("typ", "app").claim("perms", permissions)
                .claim("sid", null).claim("prole", null));
    }

    /** An active public room with its organizer as a member, known to the replicas. */
    public Room activeRoom() {
        return room("active", true);
    }

    public Room room(String status, boolean isPublic) {
        return room(unique("app_lottery"), status, isPublic);
    }

    /** An active public room of {@code appId} (locked to its manifest 1.0.0), with its organizer as a member. */
    public Room activeRoomOf(String appId) {
        return room(appId, "active", true);
    }

    private Room room(String appId, String status, boolean isPublic) {
        Room room = new Room(Ids.next("room"), appId, user("org"), isPublic);
        publishRoom(room, EventType.ROOM_CREATED, status, null);
        member(room, room.organizer, "organizer");
        return room;
    }

    public void setStatus(Room room, String status) {
        publishRoom(room, EventType.ROOM_STATUS_CHANGED, status, null);
    }

    public void deleteRoom(Room room) {
        publishRoom(room, EventType.ROOM_DELETED, "active", Instant.now());
    }

    private void publishRoom(Room room, EventType type, String status, Instant deletedAt) {
        long version = room.version++;
        publish(EventEnvelope.of(type, "room-service", room.id, version, room.id, new EventData.RoomChanged(
                new Snapshots.Room(room.id, "Party", null, room.appId, "1.0.0", api.json("{}"), status, room.isPublic,
                        room.organizer.id(), Instant.now(), Instant.now(), deletedAt), null, null, null)));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "SELECT count(*) FROM replica_rooms WHERE id = ? AND aggregate_version >= ?", room.id, version) == 1);
    }

    /**
     * An app whose manifest 1.0.0 selects winners at {@code baseUrl + "/select"}, known to the replica; returns its id.
     */
    public String winnerSelectingApp(String baseUrl) {
        String appId = unique("app_quiz");
        publishApp(appId, baseUrl, true, 1);
        return appId;
    }

    /** The app deactivated by an admin. */
    public void deactivate(String appId, String baseUrl) {
        publishApp(appId, baseUrl, false, 2);
    }

    private void publishApp(String appId, String baseUrl, boolean active, long version) {
        JsonNode manifest = api.json("""
                {"meta": {"name": "Who's First?", "version": "1.0.0", "description": "The fastest right answer wins"},
                 "baseUrl": "%s", "capabilities": ["winnerSelection"], "permissions": ["winners:write"],
                 "webhooks": {"winnerSelection": "/select"}}""".formatted(baseUrl));
        publish(EventEnvelope.of(version == 1 ? EventType.APP_REGISTERED : EventType.APP_ACTIVATION_CHANGED, "identity-service",
                appId, version, null, new EventData.AppChanged(new Snapshots.App(appId, "1.0.0", manifest, active, false,
                        Instant.now(), Instant.now()))));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "SELECT count(*) FROM replica_apps WHERE app_id = ? AND aggregate_version >= ?", appId, version) == 1);
    }

    /** A member of the room with a role; returns the participant id. */
    public String member(Room room, User user, String role) {
        String id = Ids.next("part");
        publishParticipant(room, id, user.id(), role, true, 1);
        awaitParticipant(id, 1);
        return id;
    }

    /** A participant joined by a new user; returns the participant id. */
    public String participant(Room room) {
        return member(room, user("p"), "participant");
    }

    /** Many participants at once (published together, awaited together). */
    public List<String> participants(Room room, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = Ids.next("part");
            ids.add(id);
            publishParticipant(room, id, unique("usr_p"), "participant", true, 1);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "SELECT count(*) FROM replica_participants WHERE room_id = ? AND role = 'PARTICIPANT'", room.id) >= count);
        return ids;
    }

    public void leave(Room room, String participantId, String userId, String role, long version) {
        publishParticipant(room, participantId, userId, role, false, version);
        awaitParticipant(participantId, version);
    }

    public void registerUser(User user, String name) {
        publish(EventEnvelope.of(EventType.USER_REGISTERED, "identity-service", user.id(), 1, null, new EventData.UserChanged(
                new Snapshots.User(user.id(), name, "https://example.com/" + name + ".png", "user", false, Instant.now(), Instant.now()))));
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT count(*) FROM replica_users WHERE id = ?", user.id()) == 1);
    }

    private void publishParticipant(Room room, String id, String userId, String role, boolean active, long version) {
        publish(EventEnvelope.of(active ? EventType.PARTICIPANT_JOINED : EventType.PARTICIPANT_LEFT, "room-service", id, version,
                room.id, new EventData.ParticipantChanged(new Snapshots.Participant(id, room.id, userId, role, null, active, null,
                        Instant.now(), Instant.now(), new Snapshots.UserSummary(userId, null, null)), null, active ? null : "left")));
    }

    private void awaitParticipant(String id, long version) {
        await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "SELECT count(*) FROM replica_participants WHERE id = ? AND aggregate_version >= ?", id, version) == 1);
    }

    /** A prize made by the organizer through the API. */
    public JsonNode prize(Room room, int quantity) {
        return api.data(api.post(room.path() + "/prizes", room.organizer.token(),
                "{\"name\":\"Mug\",\"quantity\":" + quantity + ",\"imageUrl\":\"https://example.com/mug.png\"}"), 201);
    }
}
