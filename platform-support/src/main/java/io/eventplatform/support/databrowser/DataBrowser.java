package io.eventplatform.support.databrowser;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.json.PlatformJson;
import io.eventplatform.support.web.ApiException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A service's own tables, read only: their names and row counts, and their rows a page at a time, sorted on an
 * indexed column. Table and column names come from the database's catalog and are checked against it before they
 * reach any SQL; values that are credentials or their hashes are masked, never shown.
 */
final class DataBrowser {

    static final String MASK = "••••••";
    private static final Pattern SECRET_COLUMN = Pattern.compile(
            ".*(_hash|secret|password|verifier|nonce)$|^(response_body|request_hash)$");

    /** A table and how many rows it has. */
    record Table(String name, long rows) {
    }

    /** A page of rows, with the columns in order and which of them can be sorted on. */
    record Page(String table, List<String> columns, List<String> sortable, List<Map<String, Object>> rows, long total) {
    }

    private final JdbcTemplate jdbc;

    DataBrowser(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Table> tables() {
        List<String> names = tableNames();
        List<Table> tables = new ArrayList<>();
        for (String name : names) {
            Long rows = jdbc.queryForObject("SELECT count(*) FROM " + quoted(name), Long.class);
            tables.add(new Table(name, rows == null ? 0 : rows));
        }
        return tables;
    }

    /** @param sort a column that leads an index, {@code -column} for descending; null: the primary key */
    Page rows(String table, int limit, long offset, String sort) {
        if (!tableNames().contains(table)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No such table", Map.of("table", table));
        }
        List<String> columns = jdbc.queryForList("""
                SELECT column_name FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position""", String.class, table);
        List<String> sortable = jdbc.queryForList("""
                SELECT DISTINCT a.attname FROM pg_index i
                  JOIN pg_class c ON c.oid = i.indrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
                 WHERE n.nspname = current_schema() AND c.relname = ? ORDER BY 1""", String.class, table)
                .stream().filter(name -> !masked(table, name)).toList();
        String primary = jdbc.queryForList("""
                SELECT a.attname FROM pg_index i
                  JOIN pg_class c ON c.oid = i.indrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
                 WHERE n.nspname = current_schema() AND c.relname = ? AND i.indisprimary""", String.class, table)
                .stream().findFirst().orElse(columns.get(0));
        boolean descending = sort != null && sort.startsWith("-");
        String column = sort == null ? primary : sort.substring(descending ? 1 : 0);
        if (!sortable.contains(column) && !column.equals(primary)) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "sort must name an indexed column",
                    Map.of("parameter", "sort", "allowed", sortable));
        }
        String orderBy = quoted(column) + (descending ? " DESC" : " ASC")
                + (column.equals(primary) ? "" : ", " + quoted(primary));
        List<Map<String, Object>> rows = jdbc.query("SELECT * FROM " + quoted(table) + " ORDER BY " + orderBy
                + " LIMIT ? OFFSET ?", (rs, n) -> row(table, rs), limit, offset);
        Long total = jdbc.queryForObject("SELECT count(*) FROM " + quoted(table), Long.class);
        return new Page(table, columns, sortable, rows, total == null ? 0 : total);
    }

    static boolean masked(String table, String column) {
        String name = column.toLowerCase(Locale.ROOT);
        return SECRET_COLUMN.matcher(name).matches() || (table.equals("login_attempts") && name.equals("state"));
    }

    private List<String> tableNames() {
        return jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""", String.class);
    }

    private static Map<String, Object> row(String table, ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String column = meta.getColumnName(i);
            Object value = rs.getObject(i);
            String type = meta.getColumnTypeName(i);
            if (value != null && ("json".equals(type) || "jsonb".equals(type))) {
                value = PlatformJson.mapper().readTree(rs.getString(i));
            }
            row.put(column, value == null ? null : masked(table, column) ? MASK : readable(value));
        }
        return row;
    }

    private static Object readable(Object value) throws SQLException {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof byte[] bytes) {
            return "(" + bytes.length + " bytes)";
        }
        if (value instanceof Array array) {
            List<Object> items = new ArrayList<>();
            for (Object item : (Object[]) array.getArray()) {
                items.add(item == null ? null : readable(item));
            }
            return items;
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof String
                || value instanceof tools.jackson.databind.JsonNode) {
            return value;
        }
        return value.toString();
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
