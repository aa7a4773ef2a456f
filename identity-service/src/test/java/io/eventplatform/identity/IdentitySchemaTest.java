package io.eventplatform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventplatform.testing.DatabaseSchema;
import io.eventplatform.testing.SchemaTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** The migrated schema of identity-service: every table, column and index the code relies on; a missing one fails here. */
class IdentitySchemaTest extends SchemaTestSupport {

    @Test
    void hasTheTablesOfTheServiceAndOfThePlatformLibrary() {
        assertThat(schema().tables()).contains("users", "sessions", "revoked_tokens", "apps", "replica_rooms",
                "outbox_events", "processed_events", "idempotency_keys", "flyway_schema_history",
                "platform_schema_history");
    }

    @Test
    void usersHaveEveryColumnIndexAndUniqueRule() {
        assertThat(schema().columns("users").values()).map(DatabaseSchema.Column::toString).containsExactly(
                "id text not null", "email text not null", "name text", "avatar text", "provider text not null",
                "provider_id text", "email_verified timestamptz", "platform_role text not null",
                "version bigint not null", "created_at timestamptz not null", "updated_at timestamptz not null", "deleted_at timestamptz");
        assertThat(schema().uniqueKeys("users", false)).contains(List.of("id"));
        assertThat(schema().uniqueKeys("users", true)).contains(List.of("email"), List.of("provider", "provider_id"));
        assertThat(schema().indexedKeys("users")).contains(List.of("email"), List.of("deleted_at"));
    }

    @Test
    void sessionsBelongToUsersAndAreIndexedForEveryLookup() {
        assertThat(schema().columns("sessions").values()).map(DatabaseSchema.Column::toString).containsExactly(
                "id text not null", "user_id text not null", "refresh_token_hash text not null",
                "family_id text not null", "expires_at timestamptz not null", "device_info text", "ip_address text",
                "last_used_at timestamptz not null", "revoked_at timestamptz", "created_at timestamptz not null",
                "updated_at timestamptz not null");
        assertThat(schema().foreignKeys("sessions")).containsExactly(
                new DatabaseSchema.ForeignKey("sessions", "user_id", "users", "id", "CASCADE"));
        assertThat(schema().uniqueKeys("sessions", false)).contains(List.of("refresh_token_hash"));
        assertThat(schema().indexedKeys("sessions")).contains(List.of("user_id"),
                List.of("expires_at"), List.of("last_used_at"), List.of("family_id"));
    }

    @Test
    void revokedTokensAreIndexedForPurgeAndPerUser() {
        assertThat(schema().columns("revoked_tokens").values()).map(DatabaseSchema.Column::toString).containsExactly(
                "id text not null", "token_id text not null", "user_id text", "expires_at timestamptz not null",
                "reason text", "revoked_at timestamptz not null", "revoked_by text");
        assertThat(schema().uniqueKeys("revoked_tokens", false)).contains(List.of("token_id"));
        assertThat(schema().indexedKeys("revoked_tokens")).contains(List.of("expires_at"),
                List.of("user_id"));
    }

    @Test
    void appsKeepManifestAndHistory() {
        assertThat(schema().columns("apps").values()).map(DatabaseSchema.Column::toString).containsExactly(
                "id text not null", "app_id text not null", "secret_hash text not null", "manifest jsonb not null",
                "manifest_version text not null", "manifest_history jsonb not null", "is_active boolean not null",
                "version bigint not null", "created_at timestamptz not null", "updated_at timestamptz not null", "deleted_at timestamptz");
        assertThat(schema().uniqueKeys("apps", false)).contains(List.of("app_id"));
        assertThat(schema().indexedKeys("apps")).contains(List.of("is_active"),
                List.of("deleted_at"), List.of("manifest_version"));
    }

    @Test
    void aDeletedAccountFreesItsEmail() {
        jdbc().update("INSERT INTO users (id, email, deleted_at) VALUES ('usr_gone', 'gone@example.com', now())");

        jdbc().update("INSERT INTO users (id, email) VALUES ('usr_back', 'gone@example.com')");

        assertThat(jdbc().queryForObject("SELECT count(*) FROM users WHERE email = 'gone@example.com'", Integer.class)).isEqualTo(2);
    }

    @Test
    void emailsAreUniqueWhateverTheirCase() {
        jdbc().update("INSERT INTO users (id, email) VALUES ('usr_case1', 'ada@example.com')");

        assertThatThrownBy(() -> jdbc().update("INSERT INTO users (id, email) VALUES ('usr_case2', 'Ada@Example.com')"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc().update("INSERT INTO users (id, email) VALUES ('usr_case3', 'ada@example.com')"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void rejectsValuesTheModelForbids() {
        assertThatThrownBy(() -> jdbc().update(
                "INSERT INTO users (id, email, platform_role) VALUES ('usr_role', 'role@example.com', 'ROOT')"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc().update(
                "INSERT INTO users (id, email, avatar) VALUES ('usr_avatar', 'avatar@example.com', 'javascript:alert(1)')"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc().update(
                "INSERT INTO users (id, email, name) VALUES ('usr_long', 'long@example.com', repeat('x', 101))"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc().update("""
                INSERT INTO apps (id, app_id, secret_hash, manifest, manifest_version)
                VALUES ('a1', 'lottery', 'h', '{}', '1.0.0')"""))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void deletingAUserDeletesTheirSessions() {
        jdbc().update("INSERT INTO users (id, email) VALUES ('usr_sessions', 'sessions@example.com')");
        jdbc().update("""
                INSERT INTO sessions (id, user_id, refresh_token_hash, family_id, expires_at)
                VALUES ('ses_1', 'usr_sessions', 'hash-1', 'fam_1', now() + interval '1 day')""");

        jdbc().update("DELETE FROM users WHERE id = 'usr_sessions'");

        assertThat(jdbc().queryForObject("SELECT count(*) FROM sessions WHERE user_id = 'usr_sessions'", Integer.class))
                .isZero();
    }
}
