package io.eventplatform.identity.user;

import io.eventplatform.support.ids.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users table. */
@Repository
class Users {

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<User> findLiveByEmail(String email) {
        return jdbc.sql("SELECT * FROM users WHERE email = ? AND deleted_at IS NULL").param(email).query(Users::map).optional();
    }

    Optional<User> findLiveByProvider(String provider, String providerId) {
        return jdbc.sql("SELECT * FROM users WHERE provider = ? AND provider_id = ? AND deleted_at IS NULL")
                .params(provider, providerId).query(Users::map).optional();
    }

    Optional<User> findLive(String id) {
        return jdbc.sql("SELECT * FROM users WHERE id = ? AND deleted_at IS NULL").param(id).query(Users::map).optional();
    }

    /** Inserts, or finds the row a concurrent login just inserted for the same email. */
    User insertOrGet(String email, @Nullable String name, String provider, @Nullable String providerId, String platformRole) {
        jdbc.sql("""
                INSERT INTO users (id, email, name, provider, provider_id, platform_role)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (email) WHERE deleted_at IS NULL DO NOTHING""")
                .params(Ids.next("usr"), email, name, provider, providerId, platformRole)
                .update();
        return jdbc.sql("SELECT * FROM users WHERE email = ? AND deleted_at IS NULL").param(email).query(Users::map).single();
    }

    User updateProfile(String id, @Nullable String name, @Nullable String avatar) {
        return jdbc.sql("""
                UPDATE users SET name = ?, avatar = ?, version = version + 1, updated_at = now()
                 WHERE id = ? AND deleted_at IS NULL RETURNING *""").params(name, avatar, id).query(Users::map).single();
    }

    User softDelete(String id) {
        return jdbc.sql("""
                UPDATE users SET deleted_at = now(), version = version + 1, updated_at = now()
                 WHERE id = ? AND deleted_at IS NULL RETURNING *""").param(id).query(Users::map).single();
    }

    /** Non-deleted rooms the user organizes, as the room replica knows them. */
    long organizedRooms(String id) {
        return jdbc.sql("SELECT count(*) FROM replica_rooms WHERE created_by = ? AND NOT deleted").param(id)
                .query(Long.class).single();
    }

    void deleteSessions(String userId) {
        jdbc.sql("DELETE FROM sessions WHERE user_id = ?").param(userId).update();
    }

    User update(String id, @Nullable String name, String platformRole) {
        return jdbc.sql("""
                UPDATE users SET name = ?, platform_role = ?, version = version + 1, updated_at = now()
                 WHERE id = ? RETURNING *""").params(name, platformRole, id).query(Users::map).single();
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        Timestamp deleted = rs.getTimestamp("deleted_at");
        return new User(rs.getString("id"), rs.getString("email"), rs.getString("name"), rs.getString("avatar"),
                rs.getString("provider"), rs.getString("provider_id"), rs.getString("platform_role"), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                deleted == null ? null : deleted.toInstant());
    }
}
