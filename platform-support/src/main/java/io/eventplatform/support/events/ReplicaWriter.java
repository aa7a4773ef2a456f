package io.eventplatform.support.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a read-only replica row only if the event is newer than what the replica holds: an insert for an
 * aggregate it has not seen, an update guarded by {@code aggregate_version < new version} otherwise. A late
 * duplicate or an out-of-order redelivery can therefore never overwrite newer state.
 *
 * <p>The replica table needs a primary key column and a {@code bigint aggregate_version} column.
 */
public final class ReplicaWriter {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private final JdbcTemplate jdbc;

    public ReplicaWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param values the columns to write besides the key and the version, in the order given
     * @return true if the row now holds this version, false if the replica already had this or a newer one
     */
    public boolean upsertIfNewer(String table, String keyColumn, Object key, long version, Map<String, Object> values) {
        check(table);
        check(keyColumn);
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put(keyColumn, key);
        values.forEach((column, value) -> columns.put(check(column), value));
        columns.put("aggregate_version", version);
        List<String> names = new ArrayList<>(columns.keySet());
        String updates = String.join(", ", names.stream().filter(name -> !name.equals(keyColumn))
                .map(name -> name + " = EXCLUDED." + name).toList());
        String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", names.stream().map(name -> "?").toList()) + ") "
                + "ON CONFLICT (" + keyColumn + ") DO UPDATE SET " + updates + ", updated_at = now() "
                + "WHERE " + table + ".aggregate_version < EXCLUDED.aggregate_version";
        return jdbc.update(sql, columns.values().toArray()) == 1;
    }

    private static String check(String identifier) {
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("Not a plain SQL identifier: " + identifier);
        }
        return identifier;
    }
}
