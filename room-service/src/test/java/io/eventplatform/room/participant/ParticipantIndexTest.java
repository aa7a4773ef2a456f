package io.eventplatform.room.participant;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.support.lists.ListQuery;
import io.eventplatform.testing.SchemaTestSupport;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A room's participant list is read through an index, not a sequential scan, on 100k memberships (EXPLAIN). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParticipantIndexTest extends SchemaTestSupport {

    @BeforeAll
    void aHundredThousandMemberships() {
        jdbc().execute("""
                INSERT INTO rooms (id, name, app_id, app_manifest_version, status, is_public, created_by)
                SELECT 'room_pidx_' || g, 'Room ' || g, 'app_1', '1.0.0', 'ACTIVE', true, 'usr_1'
                  FROM generate_series(1, 2000) g""");
        jdbc().execute("""
                INSERT INTO participants (id, user_id, room_id, role, joined_at)
                SELECT 'part_pidx_' || g, 'usr_' || g, 'room_pidx_' || (1 + g % 2000), 'PARTICIPANT', now() - g * interval '1 second'
                  FROM generate_series(1, 100000) g""");
        jdbc().execute("ANALYZE rooms");
        jdbc().execute("ANALYZE participants");
    }

    @Test
    void theParticipantListOfARoomUsesAnIndex() {
        String plan = String.join("\n", jdbc().queryForList("EXPLAIN " + Participants.pageSql(false,
                List.of(new ListQuery.Sort("joinedAt", false))), String.class, "room_pidx_77", 20, 0));

        assertThat(plan).doesNotContain("Seq Scan on participants");
        assertThat(plan).contains("participants_room");
    }
}
