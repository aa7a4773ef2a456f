package io.eventplatform.room.participant;

import io.eventplatform.contracts.events.Snapshots;
import io.eventplatform.contracts.json.PlatformJson;
import io.eventplatform.contracts.rooms.RoomRole;
import io.eventplatform.support.ids.Ids;
import io.eventplatform.support.lists.ListQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/** The participants table; every read comes with the user's name and avatar from the user replica. */
@Repository
class Participants {

    private static final String SELECT = """
            SELECT p.*, u.name AS user_name, u.avatar AS user_avatar
              FROM participants p LEFT JOIN replica_users u ON u.id = p.user_id""";

    private final JdbcClient jdbc;

    Participants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new membership, or empty when the user already has a row in this room (active or not). */
    Optional<Participant> insertIfAbsent(String roomId, String userId, RoomRole role, @Nullable JsonNode metadata) {
        // one statement: insert, and return the new row with the user's summary
        return jdbc.sql("""
                WITH p AS (
                  INSERT INTO participants (id, user_id, room_id, role, metadata) VALUES (?, ?, ?, ?::participant_role, ?::jsonb)
                  ON CONFLICT (user_id, room_id) DO NOTHING RETURNING *)
                SELECT p.*, u.name AS user_name, u.avatar AS user_avatar
                  FROM p LEFT JOIN replica_users u ON u.id = p.user_id""")
                .params(Ids.next("part"), userId, roomId, role.name(), json(metadata)).query(Participants::map).optional();
    }

    Optional<Participant> find(String id) {
        return jdbc.sql(SELECT + " WHERE p.id = ?").param(id).query(Participants::map).optional();
    }

    Optional<Participant> findActive(String roomId, String id) {
        return jdbc.sql(SELECT + " WHERE p.id = ? AND p.room_id = ? AND p.deleted_at IS NULL").params(id, roomId)
                .query(Participants::map).optional();
    }

    Optional<Participant> findActiveByUser(String roomId, String userId) {
        return jdbc.sql(SELECT + " WHERE p.room_id = ? AND p.user_id = ? AND p.deleted_at IS NULL").params(roomId, userId)
                .query(Participants::map).optional();
    }

    /** The user's row in the room, active or not, locked until the transaction ends. */
    Optional<Participant> lockByUser(String roomId, String userId) {
        return jdbc.sql(SELECT + " WHERE p.room_id = ? AND p.user_id = ? FOR UPDATE OF p").params(roomId, userId)
                .query(Participants::map).optional();
    }

    Participant reactivate(String id, RoomRole role, @Nullable JsonNode metadata) {
        jdbc.sql("""
                UPDATE participants SET deleted_at = NULL, removed_by = NULL, role = ?::participant_role, metadata = ?::jsonb,
                       joined_at = now(), version = version + 1, updated_at = now() WHERE id = ?""")
                .params(role.name(), json(metadata), id).update();
        return find(id).orElseThrow();
    }

    Participant update(String id, RoomRole role, @Nullable JsonNode metadata) {
        jdbc.sql("""
                UPDATE participants SET role = ?::participant_role, metadata = ?::jsonb, version = version + 1,
                       updated_at = now() WHERE id = ?""").params(role.name(), json(metadata), id).update();
        return find(id).orElseThrow();
    }

    /** Soft delete: {@code removedBy} null when the user left by themselves. */
    Participant leave(String id, @Nullable String removedBy) {
        jdbc.sql("""
                UPDATE participants SET deleted_at = now(), removed_by = ?, version = version + 1, updated_at = now()
                 WHERE id = ?""").params(removedBy, id).update();
        return find(id).orElseThrow();
    }

    long activeOrganizers(String roomId) {
        return jdbc.sql("SELECT count(*) FROM participants WHERE room_id = ? AND role = 'ORGANIZER' AND deleted_at IS NULL")
                .param(roomId).query(Long.class).single();
    }

    /** Every active membership of a user, locked. */
    List<String> activeIdsOfUser(String userId) {
        return jdbc.sql("SELECT id FROM participants WHERE user_id = ? AND deleted_at IS NULL ORDER BY id FOR UPDATE")
                .param(userId).query(String.class).list();
    }

    int leaveAllOfRoom(String roomId) {
        return jdbc.sql("""
                UPDATE participants SET deleted_at = now(), version = version + 1, updated_at = now()
                 WHERE room_id = ? AND deleted_at IS NULL""").param(roomId).update();
    }

    List<Participant> page(String roomId, @Nullable RoomRole role, ListQuery query) {
        List<Object> params = new ArrayList<>(List.of(roomId));
        if (role != null) {
            params.add(role.name());
        }
        params.add(query.limit());
        params.add(query.offset());
        return jdbc.sql(pageSql(role != null, query.sort())).params(params).query(Participants::map).list();
    }

    /** The SQL of a room's participant list (parameters: room id, the role if filtered, limit, offset). */
    static String pageSql(boolean byRole, List<ListQuery.Sort> sorts) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE p.room_id = ? AND p.deleted_at IS NULL");
        if (byRole) {
            sql.append(" AND p.role = ?::participant_role");
        }
        sql.append(" ORDER BY ");
        for (ListQuery.Sort sort : sorts) {
            sql.append(sort.field().equals("role") ? "p.role" : "p.joined_at").append(sort.descending() ? " DESC, " : " ASC, ");
        }
        return sql.append("p.id LIMIT ? OFFSET ?").toString();
    }

    long count(String roomId, @Nullable RoomRole role) {
        if (role == null) {
            return jdbc.sql("SELECT count(*) FROM participants WHERE room_id = ? AND deleted_at IS NULL").param(roomId)
                    .query(Long.class).single();
        }
        return jdbc.sql("SELECT count(*) FROM participants WHERE room_id = ? AND role = ?::participant_role AND deleted_at IS NULL")
                .params(roomId, role.name()).query(Long.class).single();
    }

    private static @Nullable String json(@Nullable JsonNode node) {
        return node == null ? null : node.toString();
    }

    static Participant map(ResultSet rs, int row) throws SQLException {
        String metadata = rs.getString("metadata");
        return new Participant(rs.getString("id"), rs.getString("room_id"), rs.getString("user_id"),
                RoomRole.valueOf(rs.getString("role")), metadata == null ? null : PlatformJson.mapper().readTree(metadata),
                rs.getTimestamp("joined_at").toInstant(), rs.getString("removed_by"), rs.getLong("version"),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getTimestamp("deleted_at") == null ? null : rs.getTimestamp("deleted_at").toInstant(),
                new Snapshots.UserSummary(rs.getString("user_id"), rs.getString("user_name"), rs.getString("user_avatar")));
    }
}
