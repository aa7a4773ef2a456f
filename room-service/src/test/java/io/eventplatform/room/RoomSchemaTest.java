package io.eventplatform.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventplatform.testing.DatabaseSchema;
import io.eventplatform.testing.SchemaTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** The migrated schema of room-service: every table, column and index the code relies on; a missing one fails here. */
class RoomSchemaTest extends SchemaTestSupport {

    @Test
    void hasTheTablesOfTheServiceItsReplicasAndThePlatformLibrary() {
        assertThat(schema().tables()).contains("rooms", "participants", "replica_users", "replica_apps",
                "replica_app_manifests", "replica_prizes", "outbox_events", "processed_events", "idempotency_keys");
    }

    @Test
    void enumsKeepTheirDeclarationOrder() {
        assertThat(schema().enumValues("room_status")).containsExactly("DRAFT", "ACTIVE", "COMPLETED", "CANCELLED");
        assertThat(schema().enumValues("participant_role"))
                .containsExactly("ADMIN", "ORGANIZER", "MODERATOR", "PARTICIPANT", "VIEWER");
    }

    @Test
    void roomsHaveEveryColumnAndIndexOfTheModel() {
        assertThat(schema().columns("rooms").values()).map(DatabaseSchema.Column::toString).containsExactly(
                "id text not null", "name text not null", "description text", "app_id text not null",
                "app_settings jsonb not null", "app_manifest_version text not null", "status room_status not null",
                "is_public boolean not null", "created_by text not null", "version bigint not null",
                "created_at timestamptz not null",
                "updated_at timestamptz not null", "deleted_at timestamptz");
        assertThat(schema().indexedKeys("rooms")).contains(List.of("app_id"), List.of("status"), List.of("is_public"),
                List.of("created_by"), List.of("created_at"), List.of("deleted_at"), List.of("app_manifest_version"),
                List.of("status", "is_public", "app_id"), List.of("app_id", "app_manifest_version"));
    }

    @Test
    void participantsAreUniquePerUserAndRoomAndCascadeWithTheirRoom() {
        assertThat(schema().columns("participants").values()).map(DatabaseSchema.Column::toString).containsExactly(
                "id text not null", "user_id text not null", "room_id text not null", "role participant_role not null",
                "metadata jsonb", "joined_at timestamptz not null", "removed_by text", "version bigint not null",
                "updated_at timestamptz not null", "deleted_at timestamptz");
        assertThat(schema().uniqueKeys("participants", false)).contains(List.of("user_id", "room_id"));
        assertThat(schema().indexedKeys("participants")).contains(List.of("room_id"), List.of("user_id"),
                List.of("role"), List.of("deleted_at"), List.of("room_id", "role"));
        assertThat(schema().foreignKeys("participants")).containsExactly(
                new DatabaseSchema.ForeignKey("participants", "room_id", "rooms", "id", "CASCADE"));
    }

    @Test
    void defaultsMatchTheModel() {
        jdbc().update("INSERT INTO rooms (id, name, app_id, app_manifest_version, created_by) VALUES ('room_d', 'Party', 'app_lottery_v1', '1.0.0', 'usr_1')");
        jdbc().update("INSERT INTO participants (id, user_id, room_id) VALUES ('part_d', 'usr_1', 'room_d')");

        assertThat(jdbc().queryForMap("SELECT status::text, is_public, app_settings::text FROM rooms WHERE id = 'room_d'"))
                .containsEntry("status", "DRAFT").containsEntry("is_public", true).containsEntry("app_settings", "{}");
        assertThat(jdbc().queryForObject("SELECT role::text FROM participants WHERE id = 'part_d'", String.class))
                .isEqualTo("PARTICIPANT");
    }

    @Test
    void rejectsValuesTheModelForbids() {
        jdbc().update("INSERT INTO rooms (id, name, app_id, app_manifest_version, created_by) VALUES ('room_r', 'Quiz', 'app_quiz_v1', '1.0.0', 'usr_1')");
        jdbc().update("INSERT INTO participants (id, user_id, room_id) VALUES ('part_r', 'usr_1', 'room_r')");

        assertThatThrownBy(() -> jdbc().update("UPDATE rooms SET status = 'PAUSED' WHERE id = 'room_r'"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc().update("UPDATE rooms SET name = '' WHERE id = 'room_r'"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc().update("INSERT INTO participants (id, user_id, room_id) VALUES ('part_r2', 'usr_1', 'room_r')"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc().update("UPDATE participants SET metadata = jsonb_build_object('blob', repeat('x', 17000)) WHERE id = 'part_r'"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
