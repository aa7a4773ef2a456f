package io.eventplatform.room.participant;

import io.eventplatform.contracts.access.AppPermission;
import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.rooms.RoomRole;
import io.eventplatform.contracts.rooms.RoomStatus;
import io.eventplatform.room.room.Room;
import io.eventplatform.room.room.RoomService;
import io.eventplatform.roomaccess.RoomAccess;
import io.eventplatform.roomaccess.RoomAction;
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
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Who is in a room: joining (self, or added by an organizer, moderator or app), role and metadata changes,
 * leaving and removal — with every rule of the roles table of docs/auth.md. A user has one row per room: leaving and
 * re-joining re-activates it (same id); the row lock and the unique (user, room) key make parallel requests safe.
 */
@Service
public class Memberships {

    public static final int METADATA_MAX_BYTES = 16 * 1024;

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
                RoomAccess.requireApp(caller, room.appId(), AppPermission.PARTICIPANTS_WRITE);
            } else {
                if (named == null) {
                    errors.add("userId", "is required for an app").throwIfAny();
                }
                RoomAccess.require(caller, rooms.facts(caller, room), MembershipRules.toAdd(role));
                if (!rooms.userExists(named)) {
                    errors.add("userId", "is not a known user");
                }
            }
            MembershipRules.roleProblem(role, self).ifPresent(problem -> errors.add("role", problem));
            JsonNode metadata = join.metadata();
            errors.throwIfAny();
            String userId = self ? Objects.requireNonNull(caller.userId()) : named;
            RoomRole given = role == null ? RoomRole.PARTICIPANT : role;
            Optional<Participant> inserted = MembershipRules.open(room.status(), self)
                    ? participants.insertIfAbsent(roomId, userId, given, metadata)
                    : Optional.empty();
            Joined joined = inserted.isPresent()
                    ? new Joined(inserted.get(), true)
                    : joinAgain(roomId, userId, given, metadata, self, room.status());
            events.participant(EventType.PARTICIPANT_JOINED, joined.participant(), null, null);
            return joined;
        });
    }

    /** The user already has a row in the room (or the room is not open): which answer, in the rules' order. */
    private Joined joinAgain(String roomId, String userId, RoomRole role, @Nullable JsonNode metadata, boolean self,
                             RoomStatus status) {
        Participant left = MembershipRules.rejoin(participants.lockByUser(roomId, userId), self, status);
        return new Joined(participants.reactivate(left.id(), role, metadata), false);
    }

    @Transactional(readOnly = true) // one connection for the page and its count
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
            RoomAccess.requireApp(caller, room.appId(), AppPermission.PARTICIPANTS_WRITE);
        } else {
            RoomAccess.require(caller, facts, MembershipRules.toChange(target.role(), role));
        }
        MembershipRules.assignableProblem(role).ifPresent(problem -> errors.add("role", problem));
        JsonNode metadata = change.metadata().isPresent() ? change.metadata().value() : target.metadata();
        errors.throwIfAny();
        return transactions.execute(status -> {
            rooms.lock(roomId);
            Participant current = active(roomId, participantId);
            RoomRole newRole = role == null ? current.role() : role;
            if (newRole != current.role()) {
                MembershipRules.requireAnOrganizerRemains(current, newRole, participants.activeOrganizers(roomId));
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
                throw new ApiException(ErrorCode.FORBIDDEN, "An app is not a member of a room", Map.of("required", "user token"));
            }
            target = participants.findActiveByUser(roomId, caller.userId())
                    .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "You are not a member of this room"));
        } else {
            target = active(roomId, participantId);
        }
        boolean self = !caller.appOnly() && caller.isUser(target.userId());
        if (self) {
            MembershipRules.requireMayLeave(target);
            // anyone may leave; an app they act through must be allowed to write participants
            RoomAccess.requireApp(caller, room.appId(), AppPermission.PARTICIPANTS_WRITE);
        } else {
            RoomAccess.require(caller, facts, MembershipRules.toRemove(target.role()));
        }
        transactions.executeWithoutResult(status -> {
            rooms.lock(roomId);
            Participant current = active(roomId, target.id());
            if (current.role() == RoomRole.ORGANIZER) {
                MembershipRules.requireAnOrganizerRemains(current, null, participants.activeOrganizers(roomId));
            }
            Participant left = participants.leave(current.id(), self ? null : caller.actor());
            events.participant(EventType.PARTICIPANT_LEFT, left, null, self ? "left" : "removed");
        });
    }

    /**
     * A deleted user leaves every room (docs/rooms.md "Rules worth knowing"), each published as ParticipantLeft. Runs in
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
