package io.eventplatform.room.room;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.rooms.RoomStatus;
import io.eventplatform.support.lists.ListQuery;
import io.eventplatform.support.security.Caller;
import io.eventplatform.support.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQL of {@code GET /rooms} for one caller and one list request: live rooms the caller may see (public ones,
 * plus private ones they belong to; all rooms for a platform admin; an app sees the rooms of its own app), the
 * filters, the order and the page. Kept apart so a test can EXPLAIN exactly what the service runs.
 */
record RoomQuery(String where, List<Object> params, String orderBy, int limit, long offset) {

    private static final String MEMBER = "EXISTS (SELECT 1 FROM participants m WHERE m.room_id = r.id AND m.user_id = ? AND m.deleted_at IS NULL)";
    private static final Map<String, String> COLUMNS = Map.of(
            "createdAt", "r.created_at", "updatedAt", "r.updated_at", "name", "r.name COLLATE \"C\"", "status", "r.status");

    static RoomQuery of(Caller caller, ListQuery list) {
        List<String> conditions = new ArrayList<>(List.of("r.deleted_at IS NULL"));
        List<Object> params = new ArrayList<>();
        if (caller.viaApp()) {
            conditions.add("r.app_id = ?");
            params.add(caller.appId());
        }
        if (!caller.appOnly() && !caller.admin()) {
            conditions.add("(r.is_public OR " + MEMBER + ")");
            params.add(caller.userId());
        }
        Map<String, String> filters = list.filters();
        if (filters.containsKey("status")) {
            conditions.add("r.status = ?::room_status");
            params.add(RoomStatus.parse(filters.get("status"))
                    .orElseThrow(() -> badFilter("status", "draft, active, completed or cancelled")).name());
        }
        if (filters.containsKey("appId")) {
            conditions.add("r.app_id = ?");
            params.add(filters.get("appId"));
        }
        if (filters.containsKey("isPublic")) {
            conditions.add("r.is_public = ?");
            params.add(bool(filters.get("isPublic"), "isPublic"));
        }
        if (filters.containsKey("createdBy")) {
            conditions.add("r.created_by = ?");
            params.add(filters.get("createdBy"));
        }
        if (filters.containsKey("mine") && bool(filters.get("mine"), "mine")) {
            if (caller.appOnly()) {
                throw badFilter("mine", "only for a user");
            }
            conditions.add(MEMBER);
            params.add(caller.userId());
        }
        StringBuilder order = new StringBuilder();
        for (ListQuery.Sort sort : list.sort()) {
            order.append(COLUMNS.get(sort.field())).append(sort.descending() ? " DESC" : " ASC").append(", ");
        }
        // the tie-breaker follows the first key, so the default order reads (created_at DESC, id DESC) from one index
        boolean descending = !list.sort().isEmpty() && list.sort().get(0).descending();
        order.append("r.id").append(descending ? " DESC" : " ASC");
        return new RoomQuery(String.join(" AND ", conditions), List.copyOf(params), order.toString(), list.limit(), list.offset());
    }

    String pageSql() {
        return """
                SELECT r.*,
                       (SELECT count(*) FROM participants p WHERE p.room_id = r.id AND p.deleted_at IS NULL) AS participant_count,
                       (SELECT count(*) FROM replica_prizes z WHERE z.room_id = r.id AND NOT z.deleted) AS prize_count
                  FROM rooms r""" + " WHERE " + where + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?";
    }

    List<Object> pageParams() {
        List<Object> all = new ArrayList<>(params);
        all.add(limit);
        all.add(offset);
        return all;
    }

    String countSql() {
        return "SELECT count(*) FROM rooms r WHERE " + where;
    }

    private static boolean bool(String value, String name) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw badFilter(name, "true or false");
        };
    }

    private static ApiException badFilter(String name, String expected) {
        return new ApiException(ErrorCode.BAD_REQUEST, "The filter " + name + " must be " + expected,
                Map.of("parameter", name));
    }
}
