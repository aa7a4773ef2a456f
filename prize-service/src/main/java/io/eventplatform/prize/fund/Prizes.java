package io.eventplatform.prize.fund;

import io.eventplatform.contracts.json.PlatformJson;
import io.eventplatform.support.lists.ListQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/** The prizes table. Units move only through {@link #take} and {@link #giveBack}, under the prize's row lock. */
@Repository
class Prizes {

    private static final Map<String, String> SORT = Map.of("createdAt", "created_at", "name", "name COLLATE \"C\"",
            "quantity", "quantity");

    private final JdbcClient jdbc;

    Prizes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Prize insert(String id, String roomId, String name, @Nullable String description, @Nullable String imageUrl,
                 int quantity, @Nullable JsonNode metadata) {
        return jdbc.sql("""
                INSERT INTO prizes (id, room_id, name, description, image_url, quantity, quantity_remaining, metadata)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb) RETURNING *""")
                .params(id, roomId, name, description, imageUrl, quantity, quantity, json(metadata))
                .query(Prizes::map).single();
    }

    Optional<Prize> findLive(String roomId, String id) {
        return jdbc.sql("SELECT * FROM prizes WHERE id = ? AND room_id = ? AND deleted_at IS NULL").params(id, roomId)
                .query(Prizes::map).optional();
    }

    /** The live prize, locked until the transaction ends: every change of its units is serialized. */
    Optional<Prize> lockLive(String roomId, String id) {
        return jdbc.sql("SELECT * FROM prizes WHERE id = ? AND room_id = ? AND deleted_at IS NULL FOR UPDATE").params(id, roomId)
                .query(Prizes::map).optional();
    }

    Prize update(Prize prize) {
        return jdbc.sql("""
                UPDATE prizes SET name = ?, description = ?, image_url = ?, quantity = ?, quantity_remaining = ?,
                       metadata = ?::jsonb, version = version + 1, updated_at = now() WHERE id = ? RETURNING *""")
                .params(prize.name(), prize.description(), prize.imageUrl(), prize.quantity(), prize.quantityRemaining(),
                        json(prize.metadata()), prize.id())
                .query(Prizes::map).single();
    }

    /** Awards {@code units}; empty when fewer are left (the CHECK constraint is the last line of defence). */
    Optional<Prize> take(String id, int units) {
        return jdbc.sql("""
                UPDATE prizes SET quantity_remaining = quantity_remaining - ?, version = version + 1, updated_at = now()
                 WHERE id = ? AND deleted_at IS NULL AND quantity_remaining >= ? RETURNING *""")
                .params(units, id, units).query(Prizes::map).optional();
    }

    Prize giveBack(String id) {
        return jdbc.sql("""
                UPDATE prizes SET quantity_remaining = quantity_remaining + 1, version = version + 1, updated_at = now()
                 WHERE id = ? RETURNING *""").param(id).query(Prizes::map).single();
    }

    Prize softDelete(String id) {
        return jdbc.sql("UPDATE prizes SET deleted_at = now(), version = version + 1, updated_at = now() WHERE id = ? RETURNING *")
                .param(id).query(Prizes::map).single();
    }

    /** Locks every live prize of the room, in id order. */
    void lockAllOfRoom(String roomId) {
        jdbc.sql("SELECT id FROM prizes WHERE room_id = ? AND deleted_at IS NULL ORDER BY id FOR UPDATE").param(roomId)
                .query(String.class).list();
    }

    List<Prize> softDeleteAllOfRoom(String roomId) {
        return jdbc.sql("""
                UPDATE prizes SET deleted_at = now(), version = version + 1, updated_at = now()
                 WHERE room_id = ? AND deleted_at IS NULL RETURNING *""").param(roomId).query(Prizes::map).list();
    }

    long liveWinners(String prizeId) {
        return jdbc.sql("SELECT count(*) FROM winners WHERE prize_id = ? AND deleted_at IS NULL").param(prizeId)
                .query(Long.class).single();
    }

    List<PrizeWithWinners> page(String roomId, ListQuery query) {
        StringBuilder order = new StringBuilder();
        query.sort().forEach(sort -> order.append("p.").append(SORT.get(sort.field())).append(sort.descending() ? " DESC, " : " ASC, "));
        return jdbc.sql("""
                SELECT p.*, (SELECT count(*) FROM winners w WHERE w.prize_id = p.id AND w.deleted_at IS NULL) AS winner_count
                  FROM prizes p WHERE p.room_id = ? AND p.deleted_at IS NULL ORDER BY\s""" + order + "p.id LIMIT ? OFFSET ?")
                .params(roomId, query.limit(), query.offset())
                .query((rs, row) -> new PrizeWithWinners(map(rs, row), rs.getLong("winner_count"))).list();
    }

    long count(String roomId) {
        return jdbc.sql("SELECT count(*) FROM prizes WHERE room_id = ? AND deleted_at IS NULL").param(roomId)
                .query(Long.class).single();
    }

    private static @Nullable String json(@Nullable JsonNode node) {
        return node == null ? null : node.toString();
    }

    static Prize map(ResultSet rs, int row) throws SQLException {
        String metadata = rs.getString("metadata");
        return new Prize(rs.getString("id"), rs.getString("room_id"), rs.getString("name"), rs.getString("description"),
                rs.getString("image_url"), rs.getInt("quantity"), rs.getInt("quantity_remaining"),
                metadata == null ? null : PlatformJson.mapper().readTree(metadata), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getTimestamp("deleted_at") == null ? null : rs.getTimestamp("deleted_at").toInstant());
    }
}
