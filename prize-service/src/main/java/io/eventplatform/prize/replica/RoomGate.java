package io.eventplatform.prize.replica;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.rooms.RoomRole;
import io.eventplatform.contracts.rooms.RoomStatus;
import io.eventplatform.roomaccess.RoomAccess;
import io.eventplatform.roomaccess.RoomAction;
import io.eventplatform.support.ids.Ids;
import io.eventplatform.support.security.Caller;
import io.eventplatform.support.web.ApiException;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The room a prize request is about, as the room replica knows it, and the access decision for the caller
 * ({@link RoomAccess}, the same rules as room-service): 404 for a room that does not exist, was deleted, or is
 * private to someone outside it; 403 for a role or app that may not act.
 */
@Component
public class RoomGate {

    /** A room from the replica. */
    /** @param appManifestVersion the app's manifest version the room is locked to (null: not replicated yet) */
    public record Room(String id, String appId, boolean isPublic, RoomStatus status, String createdBy,
                       @Nullable String appManifestVersion) {
        public boolean active() {
            return status == RoomStatus.ACTIVE;
        }

        public boolean completed() {
            return status == RoomStatus.COMPLETED;
        }
    }

    private final JdbcClient jdbc;

    RoomGate(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Room authorize(Caller caller, String roomId, RoomAction action) {
        Room room = find(roomId).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such room"));
        RoomRole role = caller.userId() == null ? null : jdbc.sql("""
                SELECT role::text FROM replica_participants WHERE room_id = ? AND user_id = ? AND active""")
                .params(roomId, caller.userId()).query(String.class).optional().map(RoomRole::valueOf).orElse(null);
        RoomAccess.require(caller, new RoomAccess.Room(room.appId(), room.isPublic(), role), action);
        return room;
    }

    public Optional<Room> find(String roomId) {
        if (!Ids.looksLike("room", roomId)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT id, app_id, is_public, status::text, created_by, app_manifest_version
                  FROM replica_rooms WHERE id = ? AND NOT deleted""")
                .param(roomId)
                .query((rs, row) -> new Room(rs.getString("id"), rs.getString("app_id"), rs.getBoolean("is_public"),
                        RoomStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
                        rs.getString("app_manifest_version")))
                .optional();
    }

    /** 409 ROOM_NOT_ACTIVE with the room's status. */
    public static ApiException notActive(Room room) {
        return new ApiException(ErrorCode.ROOM_NOT_ACTIVE, "The room is not active",
                Map.of("status", room.status().wire()));
    }
}
