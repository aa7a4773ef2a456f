package io.eventplatform.room;

import static org.awaitility.Awaitility.await;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.testing.ApiClient;
import io.eventplatform.testing.TestWorld;
import io.eventplatform.testing.TestTokenIssuer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The Object Mother of room-service tests: users with tokens, apps (published the way identity-service does, on
 * Kafka, and awaited in the replica), and rooms with members in every role.
 */
public final class RoomWorld extends TestWorld {

    /** A user and their access token. */
    public record User(String id, String token) {
    }

    /** An app and its app token. */
    public record App(String appId, String token) {
    }

    public static final String LOTTERY_SETTINGS_V1 = """
            {"type": "object", "additionalProperties": false,
             "properties": {"ticketCount": {"type": "integer", "minimum": 1}, "theme": {"type": "string"},
                            "drawMode": {"enum": ["instant", "staged"]}}}""";
    public static final String LOTTERY_SETTINGS_V2 = """
            {"type": "object", "additionalProperties": false, "required": ["drawMode"],
             "properties": {"ticketCount": {"type": "integer", "minimum": 5}, "theme": {"type": "string"},
                            "drawMode": {"enum": ["instant", "staged"]}}}""";
    public static final List<String> ALL_PERMISSIONS = List.of("rooms:read", "rooms:write", "participants:read",
            "participants:write", "prizes:read", "prizes:write", "winners:read", "winners:write", "realtime:publish");

    private final ApiClient api;
    private final TestTokenIssuer tokens;

    public RoomWorld(ApiClient api, TestTokenIssuer tokens, KafkaTemplate<String, String> kafka, JdbcTemplate jdbc) {
        super(kafka, jdbc);
        this.api = api;
        this.tokens = tokens;
    }

    /** A user known only by their token (not yet in the user replica). */
    public User user(String who) {
        String id = "usr_" + who + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new User(id, tokens.token(claims -> claims.subject(id).claim("name", who)));
    }

    /** A user identity-service has announced (in the user replica, with a name). */
    public User registeredUser(String who) {
        User user = user(who);
        publish(EventEnvelope.of(EventType.USER_REGISTERED, "identity-service", user.id(), 1, null,
                new EventData.UserChanged(new Snapshots.User(user.id(), who, "https://example.com/" + who + ".png", "user",
                        false, Instant.now(), Instant.now()))));
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT count(*) FROM replica_users WHERE id = ?", user.id()) == 1);
        return user;
    }

    public void deleteUser(User user) {
        publish(EventEnvelope.of(EventType.USER_DELETED, "identity-service", user.id(), 2, null,
                new EventData.UserChanged(new Snapshots.User(user.id(), null, null, "user", true, Instant.now(), Instant.now()))));
    }

    public User admin(String who) {
        String id = "usr_" + who + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new User(id, tokens.token(claims -> claims.subject(id).claim("prole", "admin")));
    }

    /** A lottery app with the v1 settings schema, in the replica, and a token with {@code permissions}. */
    public App lotteryApp(List<String> permissions) {
        String appId = "app_lottery_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        publishManifest(appId, "1.0.0", LOTTERY_SETTINGS_V1, 1);
        return new App(appId, appToken(appId, permissions));
    }

    public String appToken(String appId, List<String> permissions) {
        return tokens.token(claims -> claims.subject(appId).claim("typ", "app").claim("perms", permissions)
                .claim("sid", null).claim("prole", null));
    }

    public void publishManifest(String appId, String version, String settingsSchema, long aggregateVersion) {
        JsonNode manifest = api.json("""
                {"meta": {"name": "Holiday Lottery", "version": "%s", "description": "Draw prizes"},
                 "baseUrl": "https://lottery.example.com", "capabilities": ["prizeFund"],
                 "permissions": ["rooms:read", "prizes:write"], "settings": %s}""".formatted(version, settingsSchema));
        publish(EventEnvelope.of(aggregateVersion == 1 ? EventType.APP_REGISTERED : EventType.APP_MANIFEST_UPDATED,
                "identity-service", appId, aggregateVersion, null, new EventData.AppChanged(
                        new Snapshots.App(appId, version, manifest, true, false, Instant.now(), Instant.now()))));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "SELECT count(*) FROM replica_app_manifests WHERE app_id = ? AND version = ?", appId, version) == 1
                && count("SELECT count(*) FROM replica_apps WHERE app_id = ? AND aggregate_version >= ?", appId, aggregateVersion) == 1);
    }

    /** identity-service announces that the app is deleted (its manifest as last published by {@link #lotteryApp}). */
    public void deleteApp(String appId, long aggregateVersion) {
        JsonNode manifest = api.json("""
                {"meta": {"name": "Holiday Lottery", "version": "1.0.0", "description": "Draw prizes"},
                 "baseUrl": "https://lottery.example.com", "capabilities": ["prizeFund"],
                 "permissions": ["rooms:read", "prizes:write"], "settings": %s}""".formatted(LOTTERY_SETTINGS_V1));
        publish(EventEnvelope.of(EventType.APP_DELETED, "identity-service", appId, aggregateVersion, null,
                new EventData.AppChanged(new Snapshots.App(appId, "1.0.0", manifest, true, true, Instant.now(), Instant.now()))));
    }

    /** A room created through the API by {@code organizer}, moved to {@code status}. */
    public JsonNode room(User organizer, String appId, boolean isPublic, String status) {
        JsonNode room = api.data(api.post("/api/v1/rooms", organizer.token(), """
                {"name": "Winter party", "appId": "%s", "isPublic": %s, "appSettings": {"ticketCount": 3}}"""
                .formatted(appId, isPublic)), 201);
        String id = room.get("id").asString();
        if (!status.equals("draft")) {
            if (!status.equals("cancelled")) {
                room = api.data(api.patch("/api/v1/rooms/" + id, organizer.token(), "{\"status\":\"active\"}"), 200);
            }
            if (!status.equals("active")) {
                room = api.data(api.patch("/api/v1/rooms/" + id, organizer.token(), "{\"status\":\"" + status + "\"}"), 200);
            }
        }
        return room;
    }

    /** {@code user} joins the (active) room; returns the participant. */
    public JsonNode join(User user, String roomId, String role) {
        return api.data(api.post("/api/v1/rooms/" + roomId + "/participants", user.token(), "{\"role\":\"" + role + "\"}"), 201);
    }

    /** The organizer adds a registered user with a role (moderators too). */
    public JsonNode add(User organizer, String roomId, User user, String role) {
        return api.data(api.post("/api/v1/rooms/" + roomId + "/participants", organizer.token(),
                "{\"userId\":\"" + user.id() + "\",\"role\":\"" + role + "\"}"), 201);
    }
}
