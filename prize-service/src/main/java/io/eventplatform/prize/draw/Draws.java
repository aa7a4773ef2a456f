package io.eventplatform.prize.draw;

import io.eventplatform.support.lists.ListQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import io.eventplatform.contracts.json.PlatformJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/** The draws table (the audit trail), and the eligible participants of a draw. */
@Repository
class Draws {

    private static final String COLUMNS = """
            id, room_id, prize_id, requested_by, requested, exclude_previous_winners, algorithm, seed, seed_hash,
            eligible_count, eligible_digest, winner_ids, delegated_to_app, fallback_reason, created_at""";

    /** The room's active PARTICIPANTs who do not hold the prize (nor, when asked, any prize of the room). */
    private static final String ELIGIBLE = """
             FROM replica_participants rp
            WHERE rp.room_id = ? AND rp.active AND rp.role = 'PARTICIPANT'
              AND NOT EXISTS (SELECT 1 FROM winners w WHERE w.participant_id = rp.id AND w.deleted_at IS NULL
                                 AND (w.prize_id = ? OR ?))""";

    private final JdbcClient jdbc;

    Draws(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The ids of the room's active PARTICIPANTs who do not hold this prize (nor, with {@code excludePreviousWinners},
     * any prize of the room), in no particular order (the draw sorts them by their UTF-8 bytes).
     */
    List<String> eligible(String roomId, String prizeId, boolean excludePreviousWinners) {
        return jdbc.sql("SELECT rp.id" + ELIGIBLE).params(roomId, prizeId, excludePreviousWinners).query(String.class).list();
    }

    /** An eligible participant as an app that selects winners receives them. */
    record Candidate(String id, String userId, @Nullable JsonNode metadata) {
    }

    /** The eligible participants ({@link #eligible}) with their user ids and metadata. */
    List<Candidate> candidates(String roomId, String prizeId, boolean excludePreviousWinners) {
        return jdbc.sql("SELECT rp.id, rp.user_id, rp.metadata::text AS metadata" + ELIGIBLE)
                .params(roomId, prizeId, excludePreviousWinners)
                .query((rs, row) -> new Candidate(rs.getString("id"), rs.getString("user_id"),
                        rs.getString("metadata") == null ? null : PlatformJson.mapper().readTree(rs.getString("metadata"))))
                .list();
    }

    Draw insert(String id, String roomId, String prizeId, String requestedBy, int requested, boolean excludePreviousWinners,
                WinnerPicker.Picked picked) {
        return jdbc.sql("""
                INSERT INTO draws (id, room_id, prize_id, requested_by, requested, exclude_previous_winners, algorithm, seed,
                                   seed_hash, eligible_count, eligible_digest, winner_ids, delegated_to_app, fallback_reason,
                                   eligible_ids)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, string_to_array(?, E'\\n')) RETURNING\s""" + COLUMNS)
                .params(id, roomId, prizeId, requestedBy, requested, excludePreviousWinners, picked.algorithm(), picked.seed(),
                        picked.seedHash(), picked.eligibleCount(), picked.eligibleDigest(),
                        picked.winners().toArray(String[]::new), picked.delegatedToApp(), picked.fallbackReason(),
                        String.join("\n", picked.sortedEligible()))
                .query(Draws::map).single();
    }

    Optional<Draw> find(String roomId, String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM draws WHERE id = ? AND room_id = ?").params(id, roomId).query(Draws::map).optional();
    }

    Optional<List<String>> eligibleIds(String roomId, String id) {
        return jdbc.sql("SELECT eligible_ids FROM draws WHERE id = ? AND room_id = ?").params(id, roomId)
                .query((rs, row) -> Arrays.asList((String[]) rs.getArray(1).getArray())).optional();
    }

    List<Draw> page(String roomId, ListQuery query) {
        boolean descending = query.sort().isEmpty() || query.sort().get(0).descending();
        String direction = descending ? " DESC" : " ASC";
        return jdbc.sql("SELECT " + COLUMNS + " FROM draws WHERE room_id = ? ORDER BY created_at" + direction + ", id" + direction
                + " LIMIT ? OFFSET ?").params(roomId, query.limit(), query.offset()).query(Draws::map).list();
    }

    long count(String roomId) {
        return jdbc.sql("SELECT count(*) FROM draws WHERE room_id = ?").param(roomId).query(Long.class).single();
    }

    static Draw map(ResultSet rs, int row) throws SQLException {
        return new Draw(rs.getString("id"), rs.getString("room_id"), rs.getString("prize_id"), rs.getString("requested_by"),
                rs.getInt("requested"), rs.getBoolean("exclude_previous_winners"), rs.getString("algorithm"),
                rs.getString("seed"), rs.getString("seed_hash"), rs.getInt("eligible_count"), rs.getString("eligible_digest"),
                Arrays.asList((String[]) rs.getArray("winner_ids").getArray()), rs.getBoolean("delegated_to_app"),
                rs.getString("fallback_reason"), rs.getTimestamp("created_at").toInstant());
    }
}
