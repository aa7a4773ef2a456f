package io.eventplatform.room.room;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The locks that order a room's creation against the deletion of its organizer or its app (OrphanGuard, ADR 0010):
 * transaction-scoped PostgreSQL advisory locks, shared by creations, exclusive for a deletion.
 */
@Component
class DeletionLocks {

    private final JdbcClient jdbc;

    DeletionLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In a room creation's transaction, before its checks: neither the organizer nor the app can be deleted under it. */
    void holdForCreation(String organizerId, String appId) {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(hashtext(?)), pg_advisory_xact_lock_shared(hashtext(?))")
                .params(userKey(organizerId), appKey(appId)).query((rs, row) -> 1).list();
    }

    /** Whether the replica says the user is deleted (read under {@link #holdForCreation}). */
    boolean userDeleted(String userId) {
        return jdbc.sql("SELECT count(*) FROM replica_users WHERE id = ? AND deleted").param(userId).query(Long.class).single() > 0;
    }

    void holdForUserDeletion(String userId) {
        exclusive(userKey(userId));
    }

    void holdForAppDeletion(String appId) {
        exclusive(appKey(appId));
    }

    private void exclusive(String key) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param(key).query((rs, row) -> 1).list();
    }

    private static String userKey(String userId) {
        return "room-organizer:" + userId;
    }

    private static String appKey(String appId) {
        return "room-app:" + appId;
    }
}
