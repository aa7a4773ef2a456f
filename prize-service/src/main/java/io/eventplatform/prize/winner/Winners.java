package io.eventplatform.prize.winner;

import io.eventplatform.contracts.json.PlatformJson;
import io.eventplatform.support.ids.Ids;
import io.eventplatform.support.lists.ListQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/**
 * The winners table; every read comes with the participant (still active?) and their user's name and avatar from
 * the replicas, and the prize's name and image.
 */
@Repository
class Winners {

    /** A winner, and its version for events. */
    record Row(Winner winner, long version) {
    }

    private static final String SELECT = """
            SELECT w.*, rp.active AS participant_active, rp.user_id, u.name AS user_name, u.avatar AS user_avatar,
                   z.name AS prize_name, z.image_url AS prize_image_url
              FROM winners w
              JOIN prizes z ON z.id = w.prize_id
              LEFT JOIN replica_participants rp ON rp.id = w.participant_id
              LEFT JOIN replica_users u ON u.id = rp.user_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Winners(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A new live winner; empty when the participant holds this prize already (the partial unique index). */
    Optional<Row> insert(String roomId, String participantId, String prizeId, @Nullable String drawId, @Nullable JsonNode metadata) {
        String id = Ids.next("win");
        int inserted = jdbc.sql("""
                INSERT INTO winners (id, room_id, participant_id, prize_id, draw_id, metadata) VALUES (?, ?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (participant_id, prize_id) WHERE deleted_at IS NULL DO NOTHING""")
                .params(id, roomId, participantId, prizeId, drawId, metadata == null ? null : metadata.toString()).update();
        return inserted == 1 ? find(id) : Optional.empty();
    }

    /** A draw's winners, numbered in draw order, in one batch. */
    void insertAll(String drawId, String roomId, String prizeId, List<String> participantIds, List<JsonNode> metadata) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < participantIds.size(); i++) {
            rows.add(new Object[] {Ids.next("win"), roomId, participantIds.get(i), prizeId, drawId, metadata.get(i).toString()});
        }
        template.batchUpdate("""
                INSERT INTO winners (id, room_id, participant_id, prize_id, draw_id, metadata) VALUES (?, ?, ?, ?, ?, ?::jsonb)""", rows);
    }

    Optional<Row> find(String id) {
        return jdbc.sql(SELECT + " WHERE w.id = ?").param(id).query(Winners::map).optional();
    }

    Optional<Row> findLive(String roomId, String id) {
        return jdbc.sql(SELECT + " WHERE w.id = ? AND w.room_id = ? AND w.deleted_at IS NULL").params(id, roomId)
                .query(Winners::map).optional();
    }

    List<Row> ofDraw(String drawId) {
        return jdbc.sql(SELECT + " WHERE w.draw_id = ? ORDER BY (w.metadata ->> 'drawNumber')::int").param(drawId)
                .query(Winners::map).list();
    }

    /** The winners of several draws at once, by draw id, each in draw order. */
    Map<String, List<Winner>> ofDraws(List<String> drawIds) {
        Map<String, List<Winner>> byDraw = new java.util.LinkedHashMap<>();
        drawIds.forEach(id -> byDraw.put(id, new ArrayList<>()));
        jdbc.sql(SELECT + " WHERE w.draw_id = ANY(?) ORDER BY (w.metadata ->> 'drawNumber')::int")
                .param(drawIds.toArray(String[]::new)).query(Winners::map).list()
                .forEach(row -> byDraw.get(row.winner().drawId()).add(row.winner()));
        return byDraw;
    }

    boolean holds(String participantId, String prizeId) {
        return jdbc.sql("SELECT count(*) FROM winners WHERE participant_id = ? AND prize_id = ? AND deleted_at IS NULL")
                .params(participantId, prizeId).query(Long.class).single() > 0;
    }

    Row revoke(String id) {
        jdbc.sql("UPDATE winners SET deleted_at = now(), version = version + 1 WHERE id = ?").param(id).update();
        return find(id).orElseThrow();
    }

    List<Row> revokeAllOfRoom(String roomId) {
        List<String> ids = jdbc.sql("""
                UPDATE winners SET deleted_at = now(), version = version + 1 WHERE room_id = ? AND deleted_at IS NULL RETURNING id""")
                .param(roomId).query(String.class).list();
        return ids.stream().map(id -> find(id).orElseThrow()).toList();
    }

    List<Winner> page(String roomId, Map<String, String> filters, ListQuery query) {
        List<Object> params = new ArrayList<>(List.of(roomId));
        String where = where(filters, params);
        params.add(query.limit());
        params.add(query.offset());
        boolean descending = query.sort().isEmpty() || query.sort().get(0).descending();
        String direction = descending ? " DESC" : " ASC";
        return jdbc.sql(SELECT + " WHERE " + where + " ORDER BY w.created_at" + direction + ", w.id" + direction + " LIMIT ? OFFSET ?")
                .params(params).query(Winners::map).list().stream().map(Row::winner).toList();
    }

    long count(String roomId, Map<String, String> filters) {
        List<Object> params = new ArrayList<>(List.of(roomId));
        return jdbc.sql("SELECT count(*) FROM winners w WHERE " + where(filters, params)).params(params).query(Long.class).single();
    }

    private static String where(Map<String, String> filters, List<Object> params) {
        StringBuilder where = new StringBuilder("w.room_id = ? AND w.deleted_at IS NULL");
        if (filters.containsKey("prizeId")) {
            where.append(" AND w.prize_id = ?");
            params.add(filters.get("prizeId"));
        }
        if (filters.containsKey("participantId")) {
            where.append(" AND w.participant_id = ?");
            params.add(filters.get("participantId"));
        }
        return where.toString();
    }

    static Row map(ResultSet rs, int row) throws SQLException {
        String metadata = rs.getString("metadata");
        String userId = rs.getString("user_id");
        Winner.Holder participant = new Winner.Holder(rs.getString("participant_id"), rs.getBoolean("participant_active"),
                userId == null ? "" : userId, rs.getString("user_name"), rs.getString("user_avatar"));
        Winner winner = new Winner(rs.getString("id"), rs.getString("room_id"), rs.getString("participant_id"),
                rs.getString("prize_id"), rs.getString("draw_id"),
                metadata == null ? null : PlatformJson.mapper().readTree(metadata), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("deleted_at") == null ? null : rs.getTimestamp("deleted_at").toInstant(), participant,
                new Winner.PrizeShown(rs.getString("prize_id"), rs.getString("prize_name"), rs.getString("prize_image_url")));
        return new Row(winner, rs.getLong("version"));
    }
}
