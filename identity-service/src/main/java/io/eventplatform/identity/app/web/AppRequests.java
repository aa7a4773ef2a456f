package io.eventplatform.identity.app.web;

import io.eventplatform.identity.app.AppRegistry;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The bodies {@code /api/v1/apps} accepts; the manifest itself is checked against the manifest schema by the registry. */
final class AppRequests {

    private AppRequests() {
    }

    /** {@code POST /apps}: without {@code appId}, the id is derived from the manifest's name. */
    record Register(@Nullable String appId, @NotNull(message = "is required") @Nullable JsonNode manifest) {

        AppRegistry.NewApp command() {
            return new AppRegistry.NewApp(appId, manifest);
        }
    }

    /** {@code PATCH /apps/{appId}}: a newer manifest, and/or activation. */
    record Update(@Nullable JsonNode manifest, @Nullable Boolean isActive) {

        AppRegistry.Change command() {
            return new AppRegistry.Change(manifest, isActive);
        }
    }
}
