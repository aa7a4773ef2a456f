package io.eventplatform.identity.app;

import io.eventplatform.contracts.json.PlatformJson;
import io.eventplatform.support.ids.Ids;
import io.eventplatform.support.lists.ListQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/** The apps table. */
@Repository
class Apps {

    private final JdbcClient jdbc;

    Apps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new app; false if the app id is taken (by a live or deleted app: ids are never reused). */
    boolean insert(String appId, String secretHash, JsonNode manifest, String manifestVersion) {
        return jdbc.sql("""
                INSERT INTO apps (id, app_id, secret_hash, manifest, manifest_version)
                VALUES (?, ?, ?, ?::jsonb, ?) ON CONFLICT (app_id) DO NOTHING""")
                .params(Ids.next("apr"), appId, secretHash, manifest.toString(), manifestVersion).update() == 1;
    }

    Optional<App> findLive(String appId) {
        return jdbc.sql("SELECT * FROM apps WHERE app_id = ? AND deleted_at IS NULL").param(appId).query(Apps::map).optional();
    }

    Optional<App> lockLive(String appId) {
        return jdbc.sql("SELECT * FROM apps WHERE app_id = ? AND deleted_at IS NULL FOR UPDATE").param(appId)
                .query(Apps::map).optional();
    }

    /** A page of the catalog, sorted by {@code createdAt} and/or {@code appId} (the whitelist of the list endpoint), then id. */
    List<App> page(ListQuery query) {
        StringBuilder orderBy = new StringBuilder();
        for (ListQuery.Sort sort : query.sort()) {
            orderBy.append(sort.field().equals("appId") ? "app_id" : "created_at").append(sort.descending() ? " DESC" : " ASC").append(", ");
        }
        orderBy.append("app_id");
        return jdbc.sql("SELECT * FROM apps WHERE deleted_at IS NULL ORDER BY " + orderBy + " LIMIT ? OFFSET ?")
                .params(query.limit(), query.offset()).query(Apps::map).list();
    }

    long countLive() {
        return jdbc.sql("SELECT count(*) FROM apps WHERE deleted_at IS NULL").query(Long.class).single();
    }

    App replaceManifest(String appId, JsonNode manifest, String version, JsonNode history) {
        return jdbc.sql("""
                UPDATE apps SET manifest = ?::jsonb, manifest_version = ?, manifest_history = ?::jsonb,
                       version = version + 1, updated_at = now()
                 WHERE app_id = ? AND deleted_at IS NULL RETURNING *""")
                .params(manifest.toString(), version, history.toString(), appId).query(Apps::map).single();
    }

    App setActive(String appId, boolean active) {
        return jdbc.sql("""
                UPDATE apps SET is_active = ?, version = version + 1, updated_at = now()
                 WHERE app_id = ? AND deleted_at IS NULL RETURNING *""").params(active, appId).query(Apps::map).single();
    }

    App setSecret(String appId, String secretHash) {
        return jdbc.sql("""
                UPDATE apps SET secret_hash = ?, version = version + 1, updated_at = now()
                 WHERE app_id = ? AND deleted_at IS NULL RETURNING *""").params(secretHash, appId).query(Apps::map).single();
    }

    App softDelete(String appId) {
        return jdbc.sql("""
                UPDATE apps SET deleted_at = now(), is_active = false, version = version + 1, updated_at = now()
                 WHERE app_id = ? AND deleted_at IS NULL RETURNING *""").param(appId).query(Apps::map).single();
    }

    long roomsUsing(String appId) {
        return jdbc.sql("SELECT count(*) FROM replica_rooms WHERE app_id = ? AND NOT deleted").param(appId)
                .query(Long.class).single();
    }

    private static App map(ResultSet rs, int row) throws SQLException {
        Timestamp deleted = rs.getTimestamp("deleted_at");
        return new App(rs.getString("id"), rs.getString("app_id"), rs.getString("secret_hash"),
                PlatformJson.mapper().readTree(rs.getString("manifest")), rs.getString("manifest_version"),
                PlatformJson.mapper().readTree(rs.getString("manifest_history")), rs.getBoolean("is_active"),
                rs.getLong("version"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                deleted == null ? null : deleted.toInstant());
    }
}
