package io.eventplatform.room.room;

import io.eventplatform.contracts.json.PlatformJson;
import io.eventplatform.contracts.rooms.RoomRole;
import io.eventplatform.contracts.rooms.RoomStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rooms table, and the counts a room is shown with. */
@Repository
class Rooms {

    private final JdbcClient jdbc;

    Rooms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Room insert(String id, String name, @Nullable String description, String appId, String settingsJson,
                String manifestVersion, boolean isPublic, String createdBy) {
        return jdbc.sql("""
                INSERT INTO rooms (id, name, description, app_id, app_settings, app_manifest_version, is_public, created_by)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?) RETURNING *""")
                .params(id, name, description, appId, settingsJson, manifestVersion, isPublic, createdBy)
                .query(Rooms::map).single();
    }

    Optional<Room> findLive(String id) {
        return jdbc.sql("SELECT * FROM rooms WHERE id = ? AND deleted_at IS NULL").param(id).query(Rooms::map).optional();
    }

    /** The live room, locked until the transaction ends: changes to one room are serialized. */
    Optional<Room> lockLive(String id) {
        return jdbc.sql("SELECT * FROM rooms WHERE id = ? AND deleted_at IS NULL FOR UPDATE").param(id).query(Rooms::map).optional();
    }

    /** The live room, share-locked: joins run in parallel, but not while its status changes. */
    Optional<Room> shareLockLive(String id) {
        return jdbc.sql("SELECT * FROM rooms WHERE id = ? AND deleted_at IS NULL FOR SHARE").param(id).query(Rooms::map).optional();
    }

    Room save(Room room) {
        return jdbc.sql("""
                UPDATE rooms SET name = ?, description = ?, app_settings = ?::jsonb, app_manifest_version = ?,
                       status = ?::room_status, is_public = ?, version = version + 1, updated_at = now()
                 WHERE id = ? RETURNING *""")
                .params(room.name(), room.description(), room.appSettings().toString(), room.appManifestVersion(),
                        room.status().name(), room.isPublic(), room.id())
                .query(Rooms::map).single();
    }

    Room softDelete(String id) {
        return jdbc.sql("UPDATE rooms SET deleted_at = now(), version = version + 1, updated_at = now() WHERE id = ? RETURNING *")
                .param(id).query(Rooms::map).single();
    }

    /** The caller's role in the room, if they are an active member. */
    Optional<RoomRole> roleOf(String roomId, @Nullable String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT role::text FROM participants WHERE room_id = ? AND user_id = ? AND deleted_at IS NULL")
                .params(roomId, userId).query(String.class).optional().map(RoomRole::valueOf);
    }

    long participantCount(String roomId) {
        return jdbc.sql("SELECT count(*) FROM participants WHERE room_id = ? AND deleted_at IS NULL").param(roomId)
                .query(Long.class).single();
    }

    long prizeCount(String roomId) {
        return jdbc.sql("SELECT count(*) FROM replica_prizes WHERE room_id = ? AND NOT deleted").param(roomId)
                .query(Long.class).single();
    }

    /** A page of a list query with each room's counts. */
    List<RoomOverview.Counted> page(RoomQuery query) {
        return jdbc.sql(query.pageSql()).params(query.pageParams()).query((rs, row) -> new RoomOverview.Counted(map(rs, row),
                new RoomOverview.Counts(rs.getLong("participant_count"), rs.getLong("prize_count")))).list();
    }

    long count(RoomQuery query) {
        return jdbc.sql(query.countSql()).params(query.params()).query(Long.class).single();
    }

    static Room map(ResultSet rs, int row) throws SQLException {
        return new Room(rs.getString("id"), rs.getString("name"), rs.getString("description"), rs.getString("app_id"),
                PlatformJson.mapper().readTree(rs.getString("app_settings")), rs.getString("app_manifest_version"),
                RoomStatus.valueOf(rs.getString("status")), rs.getBoolean("is_public"), rs.getString("created_by"),
                rs.getLong("version"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                rs.getTimestamp("deleted_at") == null ? null : instant(rs.getTimestamp("deleted_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }

}
