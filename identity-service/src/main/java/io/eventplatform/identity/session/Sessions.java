package io.eventplatform.identity.session;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sessions table. One login is a family of rows: each refresh ends the current row and starts the next with
 * a new refresh token; the family id (the first row's id) is the session id users and tokens ({@code sid}) see.
 */
@Repository
class Sessions {

    /** One row, as the refresh flow needs it. */
    record Row(String id, String userId, String familyId, Instant expiresAt, @Nullable Instant revokedAt) {
    }

    /** A live login, as the session list shows it. */
    record Live(String sessionId, @Nullable String deviceInfo, @Nullable String ipAddress, Instant createdAt,
                Instant lastUsedAt) {
    }

    private final JdbcClient jdbc;

    Sessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, String userId, String familyId, String refreshHash, Instant expiresAt,
                @Nullable String deviceInfo, @Nullable String ip) {
        jdbc.sql("""
                INSERT INTO sessions (id, user_id, refresh_token_hash, family_id, expires_at, device_info, ip_address)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, userId, refreshHash, familyId, Timestamp.from(expiresAt), deviceInfo, ip)
                .update();
    }

    /** Locks the row: of two refreshes with the same token, the second waits and then sees the first's rotation. */
    Optional<Row> lockByRefreshHash(String hash) {
        return jdbc.sql("""
                SELECT id, user_id, family_id, expires_at, revoked_at FROM sessions
                 WHERE refresh_token_hash = ? FOR UPDATE""")
                .param(hash)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .optional();
    }

    void endRow(String id) {
        jdbc.sql("UPDATE sessions SET revoked_at = now(), last_used_at = now(), updated_at = now() WHERE id = ?")
                .param(id).update();
    }

    /** Ends every live row of the family; how many there were. */
    int endFamily(String familyId) {
        return jdbc.sql("""
                UPDATE sessions SET revoked_at = now(), updated_at = now()
                 WHERE family_id = ? AND revoked_at IS NULL""").param(familyId).update();
    }

    boolean isLiveFamilyOf(String familyId, String userId) {
        return jdbc.sql("""
                SELECT count(*) FROM sessions
                 WHERE family_id = ? AND user_id = ? AND revoked_at IS NULL AND expires_at > now()""")
                .params(familyId, userId).query(Long.class).single() > 0;
    }

    List<Live> live(String userId, int limit, long offset) {
        return jdbc.sql("""
                SELECT s.family_id, s.device_info, s.ip_address,
                       (SELECT min(f.created_at) FROM sessions f WHERE f.family_id = s.family_id), s.last_used_at
                  FROM sessions s
                 WHERE s.user_id = ? AND s.revoked_at IS NULL AND s.expires_at > now()
                 ORDER BY s.last_used_at DESC, s.family_id LIMIT ? OFFSET ?""")
                .params(userId, limit, offset)
                .query((rs, n) -> new Live(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()))
                .list();
    }

    long countLive(String userId) {
        return jdbc.sql("SELECT count(*) FROM sessions WHERE user_id = ? AND revoked_at IS NULL AND expires_at > now()")
                .param(userId).query(Long.class).single();
    }
}
