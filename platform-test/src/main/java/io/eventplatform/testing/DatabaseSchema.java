package io.eventplatform.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a migrated database really holds, read from {@code information_schema} and the catalogs, in a shape that
 * tests compare with the tables, columns and indexes each service expects.
 */
public final class DatabaseSchema {

    /** A column: its SQL type as PostgreSQL reports it (user-defined enums by name) and whether it takes null. */
    public record Column(String name, String type, boolean nullable, Optional<String> defaultValue) {
        @Override
        public String toString() {
            String shortType = switch (type) {
                case "timestamp with time zone" -> "timestamptz";
                case "integer" -> "int";
                case "_text" -> "text[]";
                default -> type;
            };
            return name + " " + shortType + (nullable ? "" : " not null");
        }
    }

    /** An index: its key columns (or expressions) in order, whether unique, and the predicate of a partial one. */
    public record Index(String name, String table, List<String> keys, boolean unique, Optional<String> predicate) {
    }

    /** A foreign key: {@code table(column) -> referencedTable(referencedColumn)} with its ON DELETE rule. */
    public record ForeignKey(String table, String column, String referencedTable, String referencedColumn, String onDelete) {
    }

    private final JdbcTemplate jdbc;

    public DatabaseSchema(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public List<String> tables() {
        return jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""", String.class);
    }

    public Map<String, Column> columns(String table) {
        Map<String, Column> columns = new LinkedHashMap<>();
        jdbc.query("""
                SELECT column_name, CASE WHEN data_type = 'USER-DEFINED' THEN udt_name
                                         WHEN data_type = 'ARRAY' THEN udt_name ELSE data_type END AS type,
                       is_nullable = 'YES' AS nullable, column_default
                  FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position""",
                rs -> {
                    columns.put(rs.getString(1), new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                            Optional.ofNullable(rs.getString(4))));
                }, table);
        return columns;
    }

    public List<Index> indexes(String table) {
        List<Index> indexes = new ArrayList<>();
        jdbc.query("""
                SELECT i.relname, x.indisunique, pg_get_expr(x.indpred, x.indrelid),
                       array(SELECT pg_get_indexdef(x.indexrelid, k, true) FROM generate_series(1, x.indnkeyatts) k)
                  FROM pg_index x
                  JOIN pg_class i ON i.oid = x.indexrelid
                  JOIN pg_class t ON t.oid = x.indrelid
                  JOIN pg_namespace n ON n.oid = t.relnamespace
                 WHERE n.nspname = current_schema() AND t.relname = ?""",
                rs -> {
                    String[] keys = (String[]) rs.getArray(4).getArray();
                    indexes.add(new Index(rs.getString(1), table, List.of(keys), rs.getBoolean(2),
                            Optional.ofNullable(rs.getString(3))));
                }, table);
        return indexes;
    }

    /** The key lists of the table's indexes, e.g. {@code [[id], [room_id, role]]}, for containment checks. */
    public List<List<String>> indexedKeys(String table) {
        return indexes(table).stream().map(Index::keys).toList();
    }

    /** The key lists of the table's unique indexes (constraints included); partial ones only if asked. */
    public List<List<String>> uniqueKeys(String table, boolean includePartial) {
        return indexes(table).stream()
                .filter(Index::unique)
                .filter(index -> includePartial || index.predicate().isEmpty())
                .map(Index::keys)
                .toList();
    }

    public List<ForeignKey> foreignKeys(String table) {
        return jdbc.query("""
                SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text, af.attname,
                       CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'r' THEN 'RESTRICT' WHEN 'n' THEN 'SET NULL'
                                          WHEN 'd' THEN 'SET DEFAULT' ELSE 'NO ACTION' END
                  FROM pg_constraint c
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                  JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = c.confkey[1]
                 WHERE c.contype = 'f' AND c.conrelid = ?::regclass""",
                (rs, row) -> new ForeignKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), table);
    }

    /** The values of a PostgreSQL enum type in declaration order. */
    public List<String> enumValues(String type) {
        return jdbc.queryForList("SELECT unnest(enum_range(NULL::" + type + "))::text", String.class);
    }
}
