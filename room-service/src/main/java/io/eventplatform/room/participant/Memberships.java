package io.eventplatform.room.participant;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.room.room.Room;
import io.eventplatform.room.room.RoomService;
import io.eventplatform.room.room.RoomStatus;
import io.eventplatform.support.access.RoomAccess;
import io.eventplatform.support.access.RoomAction;
import io.eventplatform.support.access.RoomRole;
import io.eventplatform.support.body.Patch;
import io.eventplatform.support.body.Submitted;
import io.eventplatform.support.ids.Ids;
import io.eventplatform.support.lists.ListQuery;
import io.eventplatform.support.lists.Page;
import io.eventplatform.support.security.Caller;
import io.eventplatform.support.validation.FieldErrors;
import io.eventplatform.support.web.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Who is in a room: joining (self, or added by an organizer, moderator or app), role and metadata changes,
 * leaving and removal — with every rule of auth.md's roles table. A user has one row per room: leaving and
 * re-joining re-activates it (same id); the row lock and the unique (user, room) key make parallel requests safe.
 */
@Service
public class Memberships {

    public static final int METADATA_MAX_BYTES = 16 * 1024;
    private static final Set<RoomRole> SELF_JOIN_ROLES = Set.of(RoomRole.PARTICIPANT, RoomRole.VIEWER);
    private static final Set<RoomRole> GIVABLE_ROLES = Set.of(RoomRole.PARTICIPANT, RoomRole.VIEWER, RoomRole.MODERATOR);

    /** What {@code POST /participants} asks for: the caller joins, or (naming {@code userId}) adds someone. */
    public record Join(@Nullable String userId, @Nullable RoomRole role, @Nullable JsonNode metadata) {
    }

    /** What {@code PATCH /participants/{id}} asks for: a role (null: keep), metadata (cleared: removed). */
    public record Change(@Nullable RoomRole role, Patch<? extends JsonNode> metadata) {
    }

    /** A membership and whether this request created it (201) or re-activated it (200). */
    public record Joined(Participant participant, boolean created) {
    }

    private final RoomService rooms;
    private final Participants participants;
    private final ParticipantEvents events;
    private final TransactionTemplate transactions;

    Memberships(RoomService rooms, Participants participants, ParticipantEvents events, TransactionTemplate transactions) {
        this.rooms = rooms;
        this.participants = participants;
        this.events = events;
        this.transactions = transactions;
    }

    /**
     * Joins (or adds) a member. One transaction under the room's share lock, and for the common case — someone new
     * joining an open room — one more statement that inserts the row and returns it with the user's summary; only
     * a conflict (already a member, left before, removed) looks at the existing row.
     */
    public Joined join(Caller caller, String roomId, Submitted<Join> request) {
        Join join = request.value();
        FieldErrors errors = request.problems();
        return transactions.execute(status -> {
            Room room = rooms.shareLock(roomId);
            String named = join.userId();
            boolean self = !caller.appOnly() && (named == null || caller.isUser(named));
            RoomRole role = join.role();
            if (self) {
                // anyone who knows the room's id may join it, private or not (link sharing)
                RoomAccess.requireApp(caller, room.appId(), "participants:write");
                if (role != null && !SELF_JOIN_ROLES.contains(role)) {
                    errors.add("role", "must be participant or viewer");
                }
            } else {
                if (named == null) {
                    errors.add("userId", "is required for an app").throwIfAny();
                }
                RoomAccess.require(caller, rooms.facts(caller, room),
                        role == RoomRole.MODERATOR ? RoomAction.GRANT_MODERATOR : RoomAction.MANAGE_PARTICIPANTS);
                if (role != null && !GIVABLE_ROLES.contains(role)) {
                    errors.add("role", "must be participant, viewer or moderator");
                }
                if (!rooms.userExists(named)) {
                    errors.add("userId", "is not a known user");
                }
            }
            JsonNode metadata = join.metadata();
            errors.throwIfAny();
            String userId = self ? Objects.requireNonNull(caller.userId()) : named;
            RoomRole given = role == null ? RoomRole.PARTICIPANT : role;
            Set<RoomStatus> open = self ? Set.of(RoomStatus.ACTIVE) : Set.of(RoomStatus.DRAFT, RoomStatus.ACTIVE);
            Optional<Participant> inserted = open.contains(room.status())
                    ? participants.insertIfAbsent(roomId, userId, given, metadata)
                    : Optional.empty();
            Joined joined = inserted.isPresent()
                    ? new Joined(inserted.get(), true)
                    : joinAgain(roomId, userId, given, metadata, self, open.contains(room.status()), room.status());
            events.participant(EventType.PARTICIPANT_JOINED, joined.participant(), null, null);
            return joined;
        });
    }

    /** The user already has a row in the room (or the room is not open): which answer, in the rules' order. */
    private Joined joinAgain(String roomId, String userId, RoomRole role, @Nullable JsonNode metadata, boolean self,
                             boolean open, RoomStatus status) {
        Optional<Participant> existing = participants.lockByUser(roomId, userId);
        if (existing.isPresent() && existing.get().active()) {
            throw new ApiException(ErrorCode.ALREADY_PARTICIPANT, "Already a member of this room",
                    Map.of("participantId", existing.get().id()));
        }
        if (self && existing.isPresent() && existing.get().removedBy() != null) {
            throw new ApiException(ErrorCode.REMOVED_FROM_ROOM,
                    "You were removed from this room; an organizer or moderator can add you again");
        }
        if (!open) {
            throw new ApiException(ErrorCode.ROOM_NOT_ACTIVE, self ? "Only active rooms can be joined"
                    : "People can be added to draft and active rooms only", Map.of("status", status.wire()));
        }
        return existing.map(left -> new Joined(participants.reactivate(left.id(), role, metadata), false))
                .orElseThrow(() -> new ApiException(ErrorCode.ALREADY_PARTICIPANT, "Already a member of this room"));
    }

    public Page<Participant> list(Caller caller, String roomId, ListQuery query) {
        rooms.authorize(caller, roomId, RoomAction.READ_PARTICIPANTS);
        RoomRole role = null;
        if (query.filters().containsKey("role")) {
            role = RoomRole.parse(query.filters().get("role")).orElseThrow(() -> new ApiException(ErrorCode.BAD_REQUEST,
                    "The filter role must be admin, organizer, moderator, participant or viewer", Map.of("parameter", "role")));
        }
        return new Page<>(participants.page(roomId, role, query), participants.count(roomId, role));
    }

    public Participant get(Caller caller, String roomId, String participantId) {
        rooms.authorize(caller, roomId, RoomAction.READ_PARTICIPANTS);
        return active(roomId, participantId);
    }

    public Participant update(Caller caller, String roomId, String participantId, Submitted<Change> request) {
        Room room = rooms.find(roomId);
        RoomAccess.Room facts = rooms.facts(caller, room);
        RoomAccess.require(caller, facts, RoomAction.READ_PARTICIPANTS);
        Participant target = active(roomId, participantId);
        Change change = request.value();
        FieldErrors errors = request.problems();
        RoomRole role = change.role();
        boolean roleChange = role != null && role != target.role();
        boolean ownMetadataOnly = !roleChange && !caller.appOnly() && caller.isUser(target.userId());
        if (ownMetadataOnly) {
            // the user may change their own metadata; an app they act through must be allowed to write participants
            RoomAccess.requireApp(caller, room.appId(), "participants:write");
        } else {
            boolean aboutModerators = role == RoomRole.MODERATOR || target.role() == RoomRole.MODERATOR
                    || target.role() == RoomRole.ORGANIZER;
            RoomAccess.require(caller, facts, roleChange && aboutModerators ? RoomAction.GRANT_MODERATOR : RoomAction.MANAGE_PARTICIPANTS);
        }
        if (role == RoomRole.ORGANIZER || role == RoomRole.ADMIN) {
            errors.add("role", "nobody can be made " + role.wire() + " this way");
        }
        JsonNode metadata = change.metadata().isPresent() ? change.metadata().value() : target.metadata();
        errors.throwIfAny();
        return transactions.execute(status -> {
            rooms.lock(roomId);
            Participant current = active(roomId, participantId);
            RoomRole newRole = role == null ? current.role() : role;
            if (current.role() == RoomRole.ORGANIZER && newRole != RoomRole.ORGANIZER
                    && participants.activeOrganizers(roomId) <= 1) {
                throw new ApiException(ErrorCode.LAST_ORGANIZER, "The last organizer of a room cannot be demoted");
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            if (newRole != current.role()) {
                changes.put("role", newRole.wire());
            }
            if (!Objects.equals(metadata, current.metadata())) {
                changes.put("metadata", metadata);
            }
            if (changes.isEmpty()) {
                return current;
            }
            Participant updated = participants.update(participantId, newRole, metadata);
            events.participant(EventType.PARTICIPANT_UPDATED, updated, changes, null);
            return updated;
        });
    }

    /** {@code participantId} "me" (or the caller's own id): leave; anyone else: remove. */
    public void remove(Caller caller, String roomId, String participantId) {
        Room room = rooms.find(roomId);
        RoomAccess.Room facts = rooms.facts(caller, room);
        RoomAccess.require(caller, facts, RoomAction.READ_PARTICIPANTS);
        Participant target;
        if ("me".equals(participantId)) {
            if (caller.appOnly()) {
                throw new ApiException(ErrorCode.FORBIDDEN, "An app is not a member of a room");
            }
            target = participants.findActiveByUser(roomId, caller.userId())
                    .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "You are not a member of this room"));
        } else {
            target = active(roomId, participantId);
        }
        boolean self = !caller.appOnly() && caller.isUser(target.userId());
        if (self && target.role() == RoomRole.ORGANIZER) {
            throw new ApiException(ErrorCode.FORBIDDEN, "The organizer cannot leave the room",
                    Map.of("role", target.role().wire()));
        }
        if (self) {
            // anyone may leave; an app they act through must be allowed to write participants
            RoomAccess.requireApp(caller, room.appId(), "participants:write");
        } else {
            boolean aboutModerators = target.role() == RoomRole.MODERATOR || target.role() == RoomRole.ORGANIZER;
            RoomAccess.require(caller, facts, aboutModerators ? RoomAction.GRANT_MODERATOR : RoomAction.MANAGE_PARTICIPANTS);
        }
        transactions.executeWithoutResult(status -> {
            rooms.lock(roomId);
            Participant current = active(roomId, target.id());
            if (current.role() == RoomRole.ORGANIZER && participants.activeOrganizers(roomId) <= 1) {
                throw new ApiException(ErrorCode.LAST_ORGANIZER, "The last organizer of a room cannot be removed");
            }
            Participant left = participants.leave(current.id(), self ? null : caller.actor());
            events.participant(EventType.PARTICIPANT_LEFT, left, null, self ? "left" : "removed");
        });
    }

    /**
     * A deleted user leaves every room (data-model.md cascade table), each published as ParticipantLeft. Runs in
     * the caller's transaction (the consumer's, with its processed-event record).
     */
    public void userDeleted(String userId) {
        for (String id : participants.activeIdsOfUser(userId)) {
            Participant left = participants.leave(id, null);
            events.participant(EventType.PARTICIPANT_LEFT, left, null, "user_deleted");
        }
    }

    private Participant active(String roomId, String participantId) {
        if (!Ids.looksLike("part", participantId)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No such participant");
        }
        return participants.findActive(roomId, participantId)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such participant"));
    }
}
