package io.eventplatform.prize.replica;

import io.eventplatform.contracts.access.AppCapability;
import java.net.URI;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import io.eventplatform.contracts.json.PlatformJson;

/** The app a room runs, as the manifest version the room is locked to declares it: which webhooks it offers, where. */
@Component
public class RoomApps {

    /**
     * @param url    {@code baseUrl} + the capability's webhook path
     * @param usable the app is active and not deleted
     */
    public record Webhook(String appId, String manifestVersion, URI url, boolean usable) {
    }

    private final JdbcClient jdbc;

    RoomApps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The room's app's webhook for {@code capability}, if its manifest declares the capability (empty: the platform acts). */
    public Optional<Webhook> webhook(RoomGate.Room room, AppCapability capability) {
        return jdbc.sql("""
                SELECT m.version, m.manifest::text AS manifest, a.is_active AND NOT a.deleted AS usable
                  FROM replica_apps a
                  JOIN replica_app_manifests m ON m.app_id = a.app_id AND m.version = COALESCE(?, a.current_version)
                 WHERE a.app_id = ?""")
                .params(room.appManifestVersion(), room.appId())
                .query((rs, row) -> declared(room.appId(), rs.getString("version"), rs.getString("manifest"),
                        rs.getBoolean("usable"), capability))
                .optional().flatMap(found -> found);
    }

    private static Optional<Webhook> declared(String appId, String version, String json, boolean usable,
                                              AppCapability capability) {
        JsonNode manifest = PlatformJson.mapper().readTree(json);
        boolean declares = false;
        for (JsonNode declared : manifest.path("capabilities")) {
            declares |= capability.wire().equals(declared.asString(""));
        }
        String baseUrl = manifest.path("baseUrl").asString("");
        String path = manifest.path("webhooks").path(capability.wire()).asString("");
        if (!declares || baseUrl.isEmpty() || !path.startsWith("/")) {
            return Optional.empty();
        }
        try {
            URI url = URI.create(baseUrl.replaceAll("/+$", "") + path);
            return Optional.of(new Webhook(appId, version, url, usable));
        } catch (IllegalArgumentException unusable) {
            return Optional.empty();
        }
    }
}
