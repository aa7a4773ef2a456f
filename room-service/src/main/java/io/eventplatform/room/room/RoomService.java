package io.eventplatform.room.room;

import io.eventplatform.contracts.access.AppPermission;
import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.rooms.RoomRole;
import io.eventplatform.room.app.AppCatalog;
import io.eventplatform.roomaccess.RoomAccess;
import io.eventplatform.roomaccess.RoomAction;
import io.eventplatform.support.body.Submitted;
import io.eventplatform.support.ids.Ids;
import io.eventplatform.support.lists.ListQuery;
import io.eventplatform.support.lists.Page;
import io.eventplatform.support.security.Caller;
import io.eventplatform.support.validation.FieldErrors;
import io.eventplatform.support.validation.SemVer;
import io.eventplatform.support.web.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Rooms: create, read, change, upgrade to a newer manifest, delete. Every request is answered in the order of
 * docs/api.md: can the caller see the room (404), may they act (403), are the values valid (422), does the state
 * allow it (409). Each change and its events commit in one transaction, with the room row locked. A new room's
 * organizer, and everyone leaving a deleted room, are the participant feature's part: it hears {@link RoomCreated}
 * and {@link RoomDeleted} in the same transaction.
 */
@Service
public class RoomService {

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

    /** What {@code POST /rooms} asks for; {@code organizerId} is named by an app acting alone, nobody else. */
    public record NewRoom(@Nullable String name, @Nullable String description, @Nullable String appId,
                          @Nullable JsonNode appSettings, @Nullable Boolean isPublic, @Nullable String organizerId) {
    }

    public RoomOverview create(Caller caller, Submitted<NewRoom> request) {
        NewRoom room = request.value();
        FieldErrors errors = request.problems();
        if (room.appId() != null) {
            RoomAccess.requireApp(caller, room.appId(), AppPermission.ROOMS_WRITE);
        }
        JsonNode settings = room.appSettings() == null ? JsonNodeFactory.instance.objectNode() : room.appSettings();
        String organizer = caller.userId();
        if (caller.appOnly()) {
            organizer = room.organizerId();
            if (organizer == null && !errors.has("organizerId")) {
                errors.add("organizerId", "is required");
            } else if (organizer != null && !userExists(organizer)) {
                errors.add("organizerId", "is not a known user");
            }
        } else if (room.organizerId() != null) {
            errors.add("organizerId", "cannot be set");
        }
        AppCatalog.App app = room.appId() == null ? null : apps.find(room.appId()).filter(AppCatalog.App::usable).orElse(null);
        if (room.appId() != null && app == null) {
            errors.add("appId", "is not a registered, active app");
        }
        if (app != null && !errors.has("appSettings")) {
            checkSettings(app.appId(), app.currentVersion(), settings, errors);
        }
        errors.throwIfAny();
        String name = Objects.requireNonNull(room.name());
        boolean isPublic = room.isPublic() == null || room.isPublic();
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
            Room created = rooms.insert(Ids.next("room"), name, room.description(), app.appId(), settings.toString(),
                    app.currentVersion(), isPublic, organizerId);
            events.room(EventType.ROOM_CREATED, created, null, null);
            features.publishEvent(new RoomCreated(created, organizerId));
            return overview(created, caller.appOnly() ? null : RoomRole.ORGANIZER);
        });
    }

    @Transactional(readOnly = true) // one connection for the page and its count
    public Page<RoomOverview.Counted> list(Caller caller, ListQuery query) {
        caller.requireAppPermission(AppPermission.ROOMS_READ);
        RoomQuery sql = RoomQuery.of(caller, query);
        return new Page<>(rooms.page(sql), rooms.count(sql));
    }

    @Transactional(readOnly = true) // one connection for the room and its counts
    public RoomOverview get(Caller caller, String roomId) {
        Room room = find(roomId);
        RoomAccess.Room facts = facts(caller, room);
        RoomAccess.require(caller, facts, RoomAction.READ_ROOM);
        return overview(room, facts.role());
    }

    public RoomOverview update(Caller caller, String roomId, Submitted<Room.Update> request) {
        authorize(caller, roomId, RoomAction.UPDATE_ROOM);
        Room.Update update = request.value();
        FieldErrors errors = request.problems();
        JsonNode settings = !update.appSettings().isPresent() || errors.has("appSettings") ? null
                : update.appSettings().hasValue() ? update.appSettings().value() : JsonNodeFactory.instance.objectNode();
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

    /** Locks the room to {@code version} of its app's manifest, or to the newest when the request names none. */
    public RoomOverview upgradeManifest(Caller caller, String roomId, Submitted<@Nullable String> request) {
        Room current = authorize(caller, roomId, RoomAction.UPGRADE_MANIFEST);
        FieldErrors errors = request.problems();
        errors.throwIfAny();
        String requested = request.value();
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

    public static ApiException notFound() {
        return new ApiException(ErrorCode.NOT_FOUND, "No such room");
    }
}
