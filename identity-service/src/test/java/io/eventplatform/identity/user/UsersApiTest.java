package io.eventplatform.identity.user;

import static io.eventplatform.identity.IdentityApi.access;
import static io.eventplatform.identity.IdentityApi.userId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventJson;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.contracts.events.Topics;
import io.eventplatform.identity.IdentityApi;
import io.eventplatform.identity.IdentityApiTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** {@code /users/{id}}: visibility of emails, who may change or delete whom, and what deletion does. */
@IdentityApiTest
class UsersApiTest {

    @LocalServerPort
    int port;

    @Autowired JdbcTemplate jdbc;
    @Autowired KafkaTemplate<String, String> kafka;

    IdentityApi api;
    JsonNode ada;
    JsonNode grace;
    JsonNode admin;

    @BeforeEach
    void users() throws Exception {
        api = new IdentityApi(port);
        ada = api.newUser("ada");
        grace = api.newUser("grace");
        admin = api.login("root@example.com", "Root");
    }

    @Test
    void anyoneSignedInSeesAProfileButOnlyTheUserAndAdminsSeeTheEmail() throws Exception {
        String path = "/api/v1/users/" + userId(ada);

        assertThat(api.data(api.send("GET", path, access(grace), null), 200).get("email").isNull()).isTrue();
        assertThat(api.data(api.send("GET", path, access(ada), null), 200).get("email").asString()).contains("ada+");
        assertThat(api.data(api.send("GET", path, access(admin), null), 200).get("email").asString()).contains("ada+");
        api.error(api.send("GET", path, null, null), 401, "UNAUTHORIZED");
    }

    @Test
    void unknownDeletedOrImpossibleIdsAreNotFound() throws Exception {
        api.error(api.send("GET", "/api/v1/users/usr_01JH3X5V6Q8ZK2N4M7P9R1T3W5", access(ada), null), 404, "NOT_FOUND");
        api.error(api.send("GET", "/api/v1/users/room_123", access(ada), null), 404, "NOT_FOUND");
        api.error(api.send("GET", "/api/v1/users/%27%20OR%201=1", access(ada), null), 404, "NOT_FOUND");
    }

    @Test
    void usersChangeTheirOwnNameAndAvatarAndAdminsAnyones() throws Exception {
        JsonNode changed = api.data(api.send("PATCH", "/api/v1/users/" + userId(ada), access(ada),
                "{\"name\":\"Countess\",\"avatar\":\"https://example.com/a.png\"}"), 200);
        assertThat(changed.get("name").asString()).isEqualTo("Countess");
        assertThat(changed.get("avatar").asString()).isEqualTo("https://example.com/a.png");

        api.error(api.send("PATCH", "/api/v1/users/" + userId(ada), access(grace), "{\"name\":\"Hacked\"}"), 403, "FORBIDDEN");
        assertThat(api.data(api.send("PATCH", "/api/v1/users/" + userId(ada), access(admin), "{\"name\":\"Ada\"}"), 200)
                .get("name").asString()).isEqualTo("Ada");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_events WHERE event_type = 'UserUpdated' AND message_key = ?",
                Integer.class, userId(ada))).isEqualTo(2);
    }

    @Test
    void invalidChangesAreRefusedPerFieldAndNothingIsStored() throws Exception {
        String path = "/api/v1/users/" + userId(ada);

        JsonNode error = api.error(api.send("PATCH", path, access(ada),
                "{\"name\":\"" + "x".repeat(101) + "\",\"avatar\":\"javascript:alert(1)\",\"platformRole\":\"admin\"}"),
                422, "VALIDATION_ERROR");

        assertThat(error.get("details").get("fields").propertyNames()).containsExactlyInAnyOrder("name", "avatar", "platformRole");
        api.error(api.send("PATCH", path, access(ada), "{\"name\": 42}"), 422, "VALIDATION_ERROR");
        assertThat(api.data(api.send("GET", "/api/v1/auth/me", access(ada), null), 200).get("platformRole").asString())
                .isEqualTo("user");
    }

    @Test
    void aUserWhoOrganizesRoomsCannotBeDeletedUntilTheRoomsAreGone() throws Exception {
        String room = "room_" + UUID.randomUUID();
        publishRoom(room, userId(ada), 1, false);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM replica_rooms WHERE room_id = ?", Integer.class, room) == 1);

        JsonNode refused = api.error(api.send("DELETE", "/api/v1/users/" + userId(ada), access(ada), null), 409, "USER_HAS_ROOMS");
        assertThat(refused.get("details").get("rooms").asInt()).isEqualTo(1);

        publishRoom(room, userId(ada), 2, true);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.send("DELETE", "/api/v1/users/" + userId(ada), access(ada), null).statusCode() == 200);
    }

    @Test
    void deletingAUserRevokesEveryTokenAndHidesTheUser() throws Exception {
        JsonNode adaOnPhone = api.login(api.claim(ada, "email"), null);

        api.data(api.send("DELETE", "/api/v1/users/" + userId(ada), access(admin), null), 200);

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(25)).until(() ->
                api.send("GET", "/api/v1/auth/me", access(ada), null).statusCode() == 401
                        && api.send("GET", "/api/v1/auth/me", access(adaOnPhone), null).statusCode() == 401);
        api.error(api.send("GET", "/api/v1/users/" + userId(ada), access(grace), null), 404, "NOT_FOUND");
        api.error(api.refresh(adaOnPhone), 401, "UNAUTHORIZED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sessions WHERE user_id = ?", Integer.class, userId(ada))).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_events WHERE event_type = 'UserDeleted' AND message_key = ?",
                Integer.class, userId(ada))).isEqualTo(1);
    }

    @Test
    void onlyTheUserOrAnAdminMayDelete() throws Exception {
        api.error(api.send("DELETE", "/api/v1/users/" + userId(ada), access(grace), null), 403, "FORBIDDEN");
        api.data(api.send("GET", "/api/v1/users/" + userId(ada), access(grace), null), 200);
    }

    private void publishRoom(String room, String organizer, long version, boolean deleted) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Snapshots.Room snapshot = new Snapshots.Room(room, "Party", null, "app_lottery_v1", "1.0.0",
                api.json("{}"), "draft", true, organizer, now, now, deleted ? now : null);
        EventEnvelope<?> event = EventEnvelope.of(deleted ? EventType.ROOM_DELETED : EventType.ROOM_CREATED, "room-service",
                room, version, room, new EventData.RoomChanged(snapshot, null, null, null));
        kafka.send(new ProducerRecord<>(Topics.ROOMS, room, EventJson.write(event))).join();
    }
}
