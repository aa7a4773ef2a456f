package io.eventplatform.room.room;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.support.access.RoomAccess;
import io.eventplatform.support.access.RoomAction;
import io.eventplatform.support.access.RoomRole;
import io.eventplatform.support.ids.Ids;
import io.eventplatform.support.lists.ListQuery;
import io.eventplatform.support.lists.Page;
import io.eventplatform.support.security.Caller;
import io.eventplatform.support.validation.FieldErrors;
import io.eventplatform.support.validation.FreeFormJson;
import io.eventplatform.support.validation.SemVer;
import io.eventplatform.support.web.ApiException;
import io.eventplatform.room.app.AppCatalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Rooms: create, read, change, upgrade to a newer manifest, delete. Every request is answered in the order of
 * rest-api.md: can the caller see the room (404), may they act (403), are the values valid (422), does the state
 * allow it (409). Each change and its events commit in one transaction, with the room row locked. A new room's
 * organizer, and everyone leaving a deleted room, are the participant feature's part: it hears {@link RoomCreated}
 * and {@link RoomDeleted} in the same transaction.
 */
@Service
public class RoomService {

    static final int NAME_MAX = 200;
    static final int DESCRIPTION_MAX = 5000;
    private static final Set<String> CREATE_FIELDS = Set.of("name", "description", "appId", "appSettings", "isPublic");
    private static final Set<String> CREATE_FIELDS_APP = Set.of("name", "description", "appId", "appSettings", "isPublic", "organizerId");
    private static final Set<String> UPDATE_FIELDS = Set.of("name", "description", "appSettings", "isPublic", "status");

    private final Rooms rooms;
    private final AppCatalog apps;
    private final RoomEvents events;
    private final ApplicationEventPublisher features;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final DeletionLocks deletions;

    RoomService(Rooms rooms, AppCatalog apps, RoomEvents events, ApplicationEventPublisher features,
                TransactionTemplate transactions, JdbcClient jdbc, DeletionLocks deletions) {
        this.rooms = rooms;
        this.features = features;
        this.apps = apps;
        this.events = events;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.deletions = deletions;
    }

    /** The live room if the caller may do {@code action} in it; 404 / 403 otherwise. */
    public Room authorize(Caller caller, String roomId, RoomAction action) {
        Room room = find(roomId);
        RoomAccess.require(caller, facts(caller, room), action);
        return room;
    }

    public Room find(String roomId) {
        if (!Ids.looksLike("room", roomId)) {
            throw notFound();
        }
        return rooms.findLive(roomId).orElseThrow(RoomService::notFound);
    }

    /** The live room, locked until the transaction ends (changes to one room are serialized); 404 otherwise. */
    public Room lock(String roomId) {
        return rooms.lockLive(roomId).orElseThrow(RoomService::notFound);
    }

    /** The live room, share-locked until the transaction ends (joins run in parallel, not while its status moves). */
    public Room shareLock(String roomId) {
        if (!Ids.looksLike("room", roomId)) {
            throw notFound();
        }
        return rooms.shareLockLive(roomId).orElseThrow(RoomService::notFound);
    }

    public RoomAccess.Room facts(Caller caller, Room room) {
        return new RoomAccess.Room(room.appId(), room.isPublic(), rooms.roleOf(room.id(), caller.userId()).orElse(null));
    }

    public RoomOverview create(Caller caller, JsonNode body) {
        FieldErrors errors = new FieldErrors();
        if (!errors.onlyFields(body, caller.appOnly() ? CREATE_FIELDS_APP : CREATE_FIELDS)) {
            errors.throwIfAny();
        }
        String appId = errors.requiredText(body, "appId", 1, 100);
        if (appId != null) {
            RoomAccess.requireApp(caller, appId, "rooms:write");
        }
        String name = errors.requiredText(body, "name", 1, NAME_MAX);
        String description = errors.text(body, "description", 0, DESCRIPTION_MAX);
        Boolean isPublic = errors.bool(body, "isPublic");
        JsonNode settings = settings(body, errors);
        String organizer = caller.userId();
        if (caller.appOnly()) {
            organizer = errors.requiredText(body, "organizerId", 1, 100);
            if (organizer != null && !userExists(organizer)) {
                errors.add("organizerId", "is not a known user");
            }
        }
        AppCatalog.App app = appId == null ? null : apps.find(appId).filter(AppCatalog.App::usable).orElse(null);
        if (appId != null && app == null) {
            errors.add("appId", "is not a registered, active app");
        }
        if (app != null && settings != null) {
            apps.manifest(app.appId(), app.currentVersion()).ifPresent(manifest ->
                    apps.check(app.appId(), app.currentVersion(), manifest, settings, errors));
        }
        errors.throwIfAny();
        String organizerId = organizer;
        return transactions.execute(status -> {
            // checked again under the locks a deletion takes: a room never outlives its organizer or its app
            deletions.holdForCreation(organizerId, app.appId());
            if (deletions.userDeleted(organizerId)) {
                throw new ApiException(ErrorCode.VALIDATION_ERROR, "The request has invalid values", Map.of("fields",
                        Map.of(caller.appOnly() ? "organizerId" : "createdBy", List.of("is a deleted user"))));
            }
            if (apps.find(app.appId()).filter(AppCatalog.App::usable).isEmpty()) {
                throw new ApiException(ErrorCode.VALIDATION_ERROR, "The request has invalid values",
                        Map.of("fields", Map.of("appId", List.of("is not a registered, active app"))));
            }
            Room room = rooms.insert(Ids.next("room"), name, description, app.appId(), settings.toString(), app.currentVersion(),
                    isPublic == null || isPublic, organizerId);
            events.room(EventType.ROOM_CREATED, room, null, null);
            features.publishEvent(new RoomCreated(room, organizerId));
            return overview(room, caller.appOnly() ? null : RoomRole.ORGANIZER);
        });
    }

    public Page<RoomOverview.Counted> list(Caller caller, ListQuery query) {
        RoomAccess.requireAppPermission(caller, "rooms:read");
        RoomQuery sql = RoomQuery.of(caller, query);
        return new Page<>(rooms.page(sql), rooms.count(sql));
    }

    public RoomOverview get(Caller caller, String roomId) {
        Room room = find(roomId);
        RoomAccess.Room facts = facts(caller, room);
        RoomAccess.require(caller, facts, RoomAction.READ_ROOM);
        return overview(room, facts.role());
    }

    public RoomOverview update(Caller caller, String roomId, JsonNode body) {
        authorize(caller, roomId, RoomAction.UPDATE_ROOM);
        FieldErrors errors = new FieldErrors();
        if (!errors.onlyFields(body, UPDATE_FIELDS)) {
            errors.throwIfAny();
        }
        if (body.has("name") && body.get("name").isNull()) {
            errors.add("name", "cannot be null");
        }
        String name = errors.text(body, "name", 1, NAME_MAX);
        String description = errors.text(body, "description", 0, DESCRIPTION_MAX);
        boolean clearDescription = body.has("description") && body.get("description").isNull();
        Boolean isPublic = errors.bool(body, "isPublic");
        JsonNode settings = body.has("appSettings") ? settings(body, errors) : null;
        RoomStatus target = null;
        if (body.has("status")) {
            JsonNode value = body.get("status");
            target = value.isString() ? RoomStatus.parse(value.asString()).orElse(null) : null;
            if (target == null) {
                errors.add("status", "must be draft, active, completed or cancelled");
            }
        }
        Room.Update update = new Room.Update(name, description, clearDescription, settings, isPublic, target);
        return transactions.execute(status -> {
            Room room = rooms.lockLive(roomId).orElseThrow(RoomService::notFound);
            if (settings != null) {
                checkSettings(room.appId(), room.appManifestVersion(), settings, errors);
            }
            errors.throwIfAny();
            Room.Changed changed = room.apply(update);
            if (!changed.any()) {
                return overview(room, rooms.roleOf(roomId, caller.userId()).orElse(null));
            }
            Room saved = rooms.save(changed.room());
            Map<String, Object> others = new java.util.LinkedHashMap<>(changed.changes());
            others.remove("status");
            if (!others.isEmpty()) {
                events.room(EventType.ROOM_UPDATED, saved, others, null);
            }
            if (changed.oldStatus() != null) {
                events.room(EventType.ROOM_STATUS_CHANGED, saved, Map.of("status", saved.status().wire()), changed.oldStatus());
            }
            return overview(saved, rooms.roleOf(roomId, caller.userId()).orElse(null));
        });
    }

    public RoomOverview upgradeManifest(Caller caller, String roomId, JsonNode body) {
        Room current = authorize(caller, roomId, RoomAction.UPGRADE_MANIFEST);
        FieldErrors errors = new FieldErrors();
        if (!errors.onlyFields(body, Set.of("version"))) {
            errors.throwIfAny();
        }
        String requested = errors.text(body, "version", 1, 100);
        errors.throwIfAny();
        String version = requested != null ? requested
                : apps.find(current.appId()).map(AppCatalog.App::currentVersion).orElse(current.appManifestVersion());
        JsonNode manifest = apps.manifest(current.appId(), version).orElse(null);
        if (manifest == null || SemVer.parse(version).isEmpty()) {
            errors.add("version", "is not a published manifest version of " + current.appId()).throwIfAny();
        }
        return transactions.execute(status -> {
            Room room = rooms.lockLive(roomId).orElseThrow(RoomService::notFound);
            apps.check(room.appId(), version, manifest, room.appSettings(), errors);
            errors.throwIfAny();
            if (SemVer.parse(version).orElseThrow().compareTo(SemVer.parse(room.appManifestVersion()).orElseThrow()) < 0) {
                throw new ApiException(ErrorCode.MANIFEST_VERSION_NOT_NEWER,
                        "The room is locked to " + room.appManifestVersion() + ", which is newer than " + version,
                        Map.of("current", room.appManifestVersion(), "requested", version));
            }
            Room.Changed changed = room.lockTo(version);
            Room result = room;
            if (changed.any()) {
                result = rooms.save(changed.room());
                events.room(EventType.ROOM_UPDATED, result, changed.changes(), null);
            }
            return overview(result, rooms.roleOf(roomId, caller.userId()).orElse(null));
        });
    }

    public void delete(Caller caller, String roomId) {
        authorize(caller, roomId, RoomAction.DELETE_ROOM);
        transactions.executeWithoutResult(status -> {
            rooms.lockLive(roomId).orElseThrow(RoomService::notFound);
            Room deleted = rooms.softDelete(roomId);
            features.publishEvent(new RoomDeleted(roomId));
            events.room(EventType.ROOM_DELETED, deleted, null, null);
        });
    }

    private RoomOverview overview(Room room, @Nullable RoomRole myRole) {
        JsonNode manifest = apps.manifest(room.appId(), room.appManifestVersion()).orElse(JsonNodeFactory.instance.objectNode());
        RoomOverview.App app = new RoomOverview.App(room.appId(), manifest.path("meta").path("name").asString(null),
                room.appManifestVersion(), manifest.path("baseUrl").asString(null));
        return new RoomOverview(room, app, new RoomOverview.Counts(rooms.participantCount(room.id()), rooms.prizeCount(room.id())),
                myRole);
    }

    /** Whether the user is known to the replica and not deleted. */
    public boolean userExists(String userId) {
        return jdbc.sql("SELECT count(*) FROM replica_users WHERE id = ? AND NOT deleted").param(userId)
                .query(Long.class).single() > 0;
    }

    private void checkSettings(String appId, String version, JsonNode settings, FieldErrors errors) {
        apps.manifest(appId, version).ifPresent(manifest -> apps.check(appId, version, manifest, settings, errors));
    }

    private static @Nullable JsonNode settings(JsonNode body, FieldErrors errors) {
        JsonNode value = body.get("appSettings");
        if (value == null || value.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!value.isObject()) {
            errors.add("appSettings", "must be a JSON object");
            return null;
        }
        Optional<String> problem = FreeFormJson.problem(value);
        if (problem.isPresent()) {
            errors.add("appSettings", problem.get());
            return null;
        }
        return value;
    }

    public static ApiException notFound() {
        return new ApiException(ErrorCode.NOT_FOUND, "No such room");
    }
}
