package io.eventplatform.identity.app;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.json.PlatformJson;
import io.eventplatform.identity.revocation.Revocations;
import io.eventplatform.identity.token.AccessTokens;
import io.eventplatform.support.body.Submitted;
import io.eventplatform.support.events.Outbox;
import io.eventplatform.support.lists.ListQuery;
import io.eventplatform.support.lists.Page;
import io.eventplatform.support.validation.FieldErrors;
import io.eventplatform.support.validation.SemVer;
import io.eventplatform.support.web.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Registered apps: registration with a secret shown once, manifest updates with history, activation, secret
 * regeneration, deletion, and app tokens. Whatever stops an app from acting also revokes its live tokens.
 */
@Service
public class AppRegistry {

    static final Pattern APP_ID = Pattern.compile("^app_[a-z0-9_]{2,60}$");

    private final Apps apps;
    private final ManifestValidator manifests;
    private final Outbox outbox;
    private final Revocations revocations;
    private final AccessTokens tokens;
    private final AppTokenThrottle throttle;

    AppRegistry(Apps apps, ManifestValidator manifests, Outbox outbox, Revocations revocations, AccessTokens tokens,
                AppTokenThrottle throttle) {
        this.apps = apps;
        this.manifests = manifests;
        this.outbox = outbox;
        this.revocations = revocations;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    /** A new app and its secret (the only time the secret exists outside the hash). */
    public record Registered(App app, String secret) {
        @Override
        public String toString() {
            return "Registered[" + app.appId() + "]";
        }
    }

    /** What {@code POST /apps} asks for: a manifest, and the app id unless it is derived from the manifest's name. */
    public record NewApp(@Nullable String appId, @Nullable JsonNode manifest) {
    }

    /** What {@code PATCH /apps/{id}} asks for: a newer manifest and/or another activation state (null: keep). */
    public record Change(@Nullable JsonNode manifest, @Nullable Boolean active) {
    }

    /** Registers an app after checking the request: the id's form, the whole manifest (every problem at once). */
    @Transactional
    public Registered register(Submitted<NewApp> request) {
        NewApp submitted = request.value();
        FieldErrors errors = request.problems();
        String requestedAppId = submitted.appId();
        if (requestedAppId != null && !APP_ID.matcher(requestedAppId).matches()) {
            errors.add("appId", "must match ^app_[a-z0-9_]{2,60}$");
        }
        JsonNode manifest = submitted.manifest();
        if (manifest != null) {
            manifests.validate(manifest, "manifest").forEach((path, messages) -> messages.forEach(message -> errors.add(path, message)));
        }
        errors.throwIfAny();
        Objects.requireNonNull(manifest);
        String appId = requestedAppId != null ? requestedAppId : derivedId(manifest);
        String secret = AppSecrets.generate();
        if (!apps.insert(appId, AppSecrets.hash(secret), manifest, manifest.get("meta").get("version").asString())) {
            throw new ApiException(ErrorCode.CONFLICT, "The app id is taken", Map.of("appId", appId));
        }
        App app = apps.findLive(appId).orElseThrow();
        publish(EventType.APP_REGISTERED, app);
        return new Registered(app, secret);
    }

    public App find(String appId) {
        return apps.findLive(appId).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such app"));
    }

    /** The catalog page the query asks for, and how many apps there are. */
    @Transactional(readOnly = true) // one connection for the page and its count
    public Page<App> page(ListQuery query) {
        return new Page<>(apps.page(query), apps.countLive());
    }

    /** A new manifest (strictly newer version; the old one goes into history) and/or a new activation state. */
    @Transactional
    public App update(String appId, Submitted<Change> request, String adminId) {
        find(appId);
        Change change = request.valid();
        JsonNode manifest = change.manifest();
        Boolean active = change.active();
        App app = apps.lockLive(appId).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such app"));
        if (manifest != null) {
            Map<String, List<String>> errors = manifests.validate(manifest, "manifest");
            if (!errors.isEmpty()) {
                throw validation(errors);
            }
            String version = manifest.get("meta").get("version").asString();
            if (SemVer.parse(version).orElseThrow().compareTo(SemVer.parse(app.manifestVersion()).orElseThrow()) <= 0) {
                throw new ApiException(ErrorCode.MANIFEST_VERSION_NOT_NEWER, "The manifest version must be greater than "
                        + app.manifestVersion(), Map.of("current", app.manifestVersion(), "given", version));
            }
            ArrayNode history = ((ArrayNode) app.manifestHistory()).deepCopy();
            ObjectNode previous = PlatformJson.mapper().createObjectNode();
            previous.put("version", app.manifestVersion());
            previous.set("manifest", app.manifest());
            previous.put("replacedAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
            history.insert(0, previous);
            Set<String> before = permissions(app.manifest());
            app = apps.replaceManifest(appId, manifest, version, history);
            if (!permissions(app.manifest()).containsAll(before)) {
                // live tokens carry the old permissions in `perms`: they must not outlive the narrowing
                revocations.revokeSubject(appId, "app_permissions_narrowed", adminId);
            }
            publish(EventType.APP_MANIFEST_UPDATED, app);
        }
        if (active != null && active != app.active()) {
            app = apps.setActive(appId, active);
            if (!active) {
                revocations.revokeSubject(appId, "app_deactivated", adminId);
            }
            publish(EventType.APP_ACTIVATION_CHANGED, app);
        }
        return app;
    }

    @Transactional
    public Registered regenerateSecret(String appId, String adminId) {
        apps.lockLive(appId).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such app"));
        String secret = AppSecrets.generate();
        App app = apps.setSecret(appId, AppSecrets.hash(secret));
        revocations.revokeSubject(appId, "app_secret_regenerated", adminId);
        return new Registered(app, secret);
    }

    @Transactional
    public void delete(String appId, String adminId) {
        apps.lockLive(appId).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such app"));
        long rooms = apps.roomsUsing(appId);
        if (rooms > 0) {
            throw new ApiException(ErrorCode.APP_HAS_ROOMS, "Rooms still use this app", Map.of("rooms", rooms));
        }
        App deleted = apps.softDelete(appId);
        revocations.revokeSubject(appId, "app_deleted", adminId);
        publish(EventType.APP_DELETED, deleted);
    }

    /**
     * An app token for the right id and secret; any mismatch is the same 401, and guessing is throttled by the
     * caller's address ({@code client}), never by the app id alone.
     */
    public AccessTokens.Issued token(String appId, String secret, String client) {
        Duration blocked = throttle.blockedFor(client, appId);
        if (!blocked.isZero()) {
            throw ApiException.tooManyRequests("Too many failed attempts from this address; try again later", blocked);
        }
        App app = apps.findLive(appId).orElse(null);
        boolean valid;
        if (app == null) {
            AppSecrets.spendTheSameTime(secret);
            valid = false;
        } else {
            valid = AppSecrets.matches(secret, app.secretHash()) && app.active();
        }
        if (!valid) {
            throttle.failed(client, appId);
            throw new ApiException(ErrorCode.UNAUTHORIZED, "Invalid app credentials");
        }
        throttle.succeeded(client);
        return tokens.forApp(appId, List.copyOf(permissions(app.manifest())), revocations.earliestIssueTime(appId));
    }

    private static Set<String> permissions(JsonNode manifest) {
        Set<String> permissions = new LinkedHashSet<>();
        manifest.path("permissions").forEach(permission -> permissions.add(permission.asString()));
        return permissions;
    }

    public long tokenTtlSeconds() {
        return tokens.accessTtlSeconds();
    }

    private static String derivedId(JsonNode manifest) {
        String name = manifest.path("meta").path("name").asString("app");
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        String major = SemVer.parse(manifest.path("meta").path("version").asString("")).map(v -> "_v" + v.major()).orElse("");
        String id = "app_" + (slug.length() < 2 ? "app" : slug);
        id = id.length() + major.length() > 64 ? id.substring(0, 64 - major.length()) : id;
        return id + major;
    }

    private static ApiException validation(Map<String, List<String>> errors) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, "The request has invalid values", Map.of("fields", errors));
    }

    private void publish(EventType type, App app) {
        outbox.publish(EventEnvelope.of(type, "identity-service", app.appId(), app.version(), null,
                new EventData.AppChanged(app.snapshot())));
    }
}
