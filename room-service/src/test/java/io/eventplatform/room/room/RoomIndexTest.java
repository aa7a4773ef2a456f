package io.eventplatform.room.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.support.lists.ListQuery;
import io.eventplatform.support.security.Caller;
import io.eventplatform.testing.SchemaTestSupport;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * On 100k rooms, the main public list (public, live, by status and app, newest first) is read through indexes, not
 * sequential scans — checked with EXPLAIN on the exact SQL the service runs (the participant list:
 * ParticipantIndexTest).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoomIndexTest extends SchemaTestSupport {

    @BeforeAll
    void hundredThousandRooms() {
        jdbc().execute("""
                INSERT INTO rooms (id, name, app_id, app_manifest_version, status, is_public, created_by, created_at, deleted_at)
                SELECT 'room_idx_' || g, 'Room ' || g, 'app_' || (g % 20), '1.0.0',
                       (ARRAY['DRAFT','ACTIVE','COMPLETED','CANCELLED'])[1 + g % 4]::room_status,
                       g % 5 <> 0, 'usr_' || (g % 5000), now() - g * interval '1 minute',
                       CASE WHEN g % 50 = 0 THEN now() ELSE NULL END
                  FROM generate_series(1, 100000) g""");
        jdbc().execute("""
                INSERT INTO participants (id, user_id, room_id, role, joined_at)
                SELECT 'part_idx_' || g, 'usr_' || g, 'room_idx_' || (1 + g % 100000), 'PARTICIPANT', now() - g * interval '1 second'
                  FROM generate_series(1, 300000) g""");
        jdbc().execute("ANALYZE rooms");
        jdbc().execute("ANALYZE participants");
    }

    @Test
    void thePublicListByStatusAndAppUsesAnIndex() {
        ListQuery list = new ListQuery(1, 20, List.of(new ListQuery.Sort("createdAt", true)), Set.of(),
                Map.of("status", "active", "appId", "app_3", "isPublic", "true"));
        RoomQuery query = RoomQuery.of(Caller.user("usr_42", false), list);

        String plan = explain(query.pageSql(), query.pageParams().toArray());

        assertThat(plan).doesNotContain("Seq Scan on rooms");
        assertThat(plan).contains("Index");
    }

    @Test
    void theNewestPublicRoomsUseAnIndex() {
        ListQuery list = new ListQuery(1, 20, List.of(new ListQuery.Sort("createdAt", true)), Set.of(), Map.of());
        RoomQuery query = RoomQuery.of(Caller.user("usr_42", false), list);

        assertThat(explain(query.pageSql(), query.pageParams().toArray())).doesNotContain("Seq Scan on rooms");
    }

    private String explain(String sql, Object... params) {
        return String.join("\n", jdbc().queryForList("EXPLAIN " + sql, String.class, params));
    }
}
