package io.eventplatform.room.app;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.resource.SchemaLoader;
import io.eventplatform.contracts.json.PlatformJson;
import io.eventplatform.support.validation.FieldErrors;
import io.eventplatform.support.validation.JsonSchemaErrors;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The apps room-service knows from identity-service's events (the local replica: every manifest version ever
 * published), and the check of a room's {@code appSettings} against the {@code settings} JSON Schema of one
 * manifest version. Compiled schemas are cached per app and version (a published version never changes); a
 * schema may not pull anything from the network.
 */
@Component
public class AppCatalog {

    /** An app as a new room sees it. */
    public record App(String appId, String currentVersion, boolean usable) {
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AppCatalog.class);

    private final JdbcClient jdbc;
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaLoader(SchemaLoader.builder().fetchRemoteResources(false).build()));
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    AppCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<App> find(String appId) {
        return jdbc.sql("SELECT app_id, current_version, is_active AND NOT deleted AS usable FROM replica_apps WHERE app_id = ?")
                .param(appId)
                .query((rs, row) -> new App(rs.getString("app_id"), rs.getString("current_version"), rs.getBoolean("usable")))
                .optional();
    }

    public Optional<JsonNode> manifest(String appId, String version) {
        return jdbc.sql("SELECT manifest::text FROM replica_app_manifests WHERE app_id = ? AND version = ?")
                .params(appId, version).query(String.class).optional().map(json -> PlatformJson.mapper().readTree(json));
    }

    /** Records at {@code appSettings.<path>} every way the settings break the manifest's settings schema. */
    public void check(String appId, String version, JsonNode manifest, JsonNode settings, FieldErrors errors) {
        JsonNode schema = manifest.get("settings");
        if (schema == null || schema.isNull()) {
            return;
        }
        try {
            Schema compiledSchema = compiled.computeIfAbsent(appId + "@" + version, key -> schemas.getSchema(schema));
            JsonSchemaErrors.addTo(errors, "appSettings", compiledSchema.validate(settings));
        } catch (RuntimeException unusable) {
            // e.g. a $ref to a remote document, which is never fetched
            log.warn("The settings schema of {} {} cannot be applied: {}", appId, version, unusable.toString());
            errors.add("appSettings", "cannot be checked: the settings schema of " + appId + " " + version + " is unusable");
        }
    }
}
