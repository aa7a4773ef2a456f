package io.eventplatform.room.room;

import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.rooms.RoomStatus;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * No live room without an organizer, none on a deleted app (ADR 0010). identity-service refuses to delete a user
 * who organizes rooms or an app that rooms use, but it judges by its replica of rooms, which lags: a room created
 * at the same moment slips through. So room-service closes the gap itself, when the deletion reaches it:
 * <ul>
 *   <li>a room is created holding a shared lock on its organizer and on its app ({@link DeletionLocks}), and
 *       checks the replicas under them;</li>
 *   <li>the deletion takes the same lock exclusively, after marking the replica deleted, and cancels every live
 *       (draft or active) room the user alone organizes, or that uses the app — published as RoomStatusChanged.</li>
 * </ul>
 * Whichever comes first, the other sees it: a creation that wins is cancelled by the deletion; one that loses is
 * refused (422).
 */
@Component
public class OrphanGuard {

    private static final Logger log = LoggerFactory.getLogger(OrphanGuard.class);

    private final JdbcClient jdbc;
    private final DeletionLocks locks;
    private final Rooms rooms;
    private final RoomEvents events;

    OrphanGuard(JdbcClient jdbc, DeletionLocks locks, Rooms rooms, RoomEvents events) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.rooms = rooms;
        this.events = events;
    }

    /**
     * A user was deleted (the replica says so now; the consumer's transaction): the live rooms only they organize
     * are cancelled (before they leave every room: the query reads their memberships).
     */
    public void onUserDeleted(String userId) {
        cancelRoomsOrganizedOnlyBy(userId);
    }

    /** An app was deleted (the replica says so now; the consumer's transaction): its live rooms are cancelled. */
    public void onAppDeleted(String appId) {
        cancelRoomsOf(appId);
    }

    private void cancelRoomsOrganizedOnlyBy(String userId) {
        locks.holdForUserDeletion(userId);
        List<String> orphaned = jdbc.sql("""
                SELECT r.id FROM rooms r JOIN participants p ON p.room_id = r.id
                 WHERE p.user_id = ? AND p.role = 'ORGANIZER' AND p.deleted_at IS NULL
                   AND r.deleted_at IS NULL AND r.status IN ('DRAFT', 'ACTIVE')
                   AND NOT EXISTS (SELECT 1 FROM participants o WHERE o.room_id = r.id AND o.role = 'ORGANIZER'
                                     AND o.deleted_at IS NULL AND o.user_id <> p.user_id)
                 ORDER BY r.id""").param(userId).query(String.class).list();
        orphaned.forEach(roomId -> cancel(roomId, "its only organizer was deleted"));
    }

    private void cancelRoomsOf(String appId) {
        locks.holdForAppDeletion(appId);
        List<String> orphaned = jdbc.sql("""
                SELECT id FROM rooms WHERE app_id = ? AND deleted_at IS NULL AND status IN ('DRAFT', 'ACTIVE') ORDER BY id""")
                .param(appId).query(String.class).list();
        orphaned.forEach(roomId -> cancel(roomId, "its app was deleted"));
    }

    private void cancel(String roomId, String why) {
        rooms.lockLive(roomId).ifPresent(room -> {
            if (!room.canMoveTo(RoomStatus.CANCELLED)) {
                return;
            }
            Room.Changed changed = room.apply(Room.Update.toStatus(RoomStatus.CANCELLED));
            Room saved = rooms.save(changed.room());
            events.room(EventType.ROOM_STATUS_CHANGED, saved, Map.of("status", saved.status().wire()), changed.oldStatus());
            log.info("Room {} cancelled: {}", roomId, why);
        });
    }
}
