package io.eventplatform.room.realtime;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.Snapshots;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What clients see of each event (docs/realtime.md): {@code {type, eventId, roomId, timestamp, data}} with the
 * resource exactly as the REST API returns it (through the same JSON mapper, explicit nulls included), {@code changes}
 * on updates, only ids on deletes, nothing per caller. Each event is rendered once, whatever the number of clients.
 */
@Component
class LiveEvents {

    /**
     * An event ready for the wire, with what the hub must know of it besides: whether the room is public now (room
     * events), who left it (participant:left), whether it is gone (room:deleted).
     */
    record Rendered(String roomId, String eventId, String type, String text, @Nullable Boolean isPublic,
                    @Nullable String leftUserId, boolean roomDeleted) {
    }

    /** A room as {@code GET /rooms/{id}} shows its own fields (counts and {@code myRole} are per request or caller). */
    record RoomShown(String id, String name, @Nullable String description, String appId, JsonNode appSettings,
                     String appManifestVersion, String status, boolean isPublic, String createdBy, Instant createdAt,
                     Instant updatedAt) {

        static RoomShown of(Snapshots.Room room) {
            return new RoomShown(room.id(), room.name(), room.description(), room.appId(), room.appSettings(),
                    room.appManifestVersion(), room.status(), room.isPublic(), room.createdBy(), room.createdAt(),
                    room.updatedAt());
        }
    }

    /** A prize as the prize API shows it; its live winners are the units awarded. */
    record PrizeShown(String id, String roomId, String name, @Nullable String description, @Nullable String imageUrl,
                      int quantity, int quantityRemaining, @Nullable JsonNode metadata, Instant createdAt,
                      Instant updatedAt, long winnerCount) {

        static PrizeShown of(Snapshots.Prize prize) {
            return new PrizeShown(prize.id(), prize.roomId(), prize.name(), prize.description(), prize.imageUrl(),
                    prize.quantity(), prize.quantityRemaining(), prize.metadata(), prize.createdAt(), prize.updatedAt(),
                    prize.quantity() - prize.quantityRemaining());
        }
    }

    /** A draw as {@code GET /draws/{id}} shows it: the audit record with its winners. */
    record DrawShown(String id, String roomId, String prizeId, String requestedBy, int requested,
                     List<Snapshots.Winner> winners, String algorithm, @Nullable String seed, @Nullable String seedHash,
                     int eligibleCount, String eligibleDigest, @Nullable Boolean excludePreviousWinners,
                     boolean delegatedToApp, @Nullable String fallbackReason, Instant createdAt) {

        static DrawShown of(Snapshots.Draw draw) {
            return new DrawShown(draw.id(), draw.roomId(), draw.prizeId(), draw.requestedBy(), draw.requested(),
                    draw.winners() == null ? List.of() : draw.winners(), draw.algorithm(), draw.seed(), draw.seedHash(),
                    draw.eligibleCount(), draw.eligibleDigest(), draw.excludePreviousWinners(), draw.delegatedToApp(),
                    draw.fallbackReason(), draw.createdAt());
        }
    }

    private record Message(String type, String eventId, String roomId, Instant timestamp, Map<String, @Nullable Object> data) {
    }

    private final ObjectMapper json;

    LiveEvents(ObjectMapper json) {
        this.json = json;
    }

    /** The client message of a room event; empty for events clients do not get (RoomCreated, other topics). */
    Optional<Rendered> render(EventEnvelope<?> event) {
        String roomId = event.roomId();
        if (roomId == null) {
            return Optional.empty();
        }
        String type = typeOf(event);
        if (type == null) {
            return Optional.empty();
        }
        Map<String, @Nullable Object> data = data(type, event.data());
        String text = json.writeValueAsString(new Message(type, event.id().toString(), roomId, event.occurredAt(), data));
        Object eventData = event.data();
        Boolean isPublic = eventData instanceof EventData.RoomChanged changed ? changed.room().isPublic() : null;
        String left = eventData instanceof EventData.ParticipantChanged changed && type.equals("participant:left")
                ? changed.participant().userId() : null;
        return Optional.of(new Rendered(roomId, event.id().toString(), type, text, isPublic, left, type.equals("room:deleted")));
    }

    /** The client's name of a room event; null for events clients do not get. */
    private static @Nullable String typeOf(EventEnvelope<?> event) {
        Object data = event.data();
        if (data instanceof EventData.AppEventPublished published) {
            return published.event();
        }
        return CLIENT_TYPES.get(event.type());
    }

    private static final Map<String, String> CLIENT_TYPES = Map.ofEntries(
            Map.entry("RoomUpdated", "room:updated"), Map.entry("RoomStatusChanged", "room:status_changed"),
            Map.entry("RoomDeleted", "room:deleted"), Map.entry("ParticipantJoined", "participant:joined"),
            Map.entry("ParticipantUpdated", "participant:updated"), Map.entry("ParticipantLeft", "participant:left"),
            Map.entry("PrizeCreated", "prize:created"), Map.entry("PrizeUpdated", "prize:updated"),
            Map.entry("PrizeDeleted", "prize:deleted"), Map.entry("WinnerSelected", "winner:selected"),
            Map.entry("WinnerRevoked", "winner:removed"), Map.entry("DrawCompleted", "draw:completed"));

    private Map<String, @Nullable Object> data(String type, Object eventData) {
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        if (eventData instanceof EventData.RoomChanged changed) {
            if (type.equals("room:deleted")) {
                data.put("roomId", changed.room().id());
                return data;
            }
            data.put("room", RoomShown.of(changed.room()));
            if (type.equals("room:updated")) {
                data.put("changes", changesOf(changed.changes()));
            } else if (type.equals("room:status_changed")) {
                data.put("oldStatus", changed.oldStatus());
                data.put("newStatus", changed.newStatus());
            }
        } else if (eventData instanceof EventData.ParticipantChanged changed) {
            Snapshots.Participant participant = changed.participant();
            if (type.equals("participant:left")) {
                data.put("participantId", participant.id());
                data.put("userId", participant.userId());
                return data;
            }
            data.put("participant", withUser(participant));
            if (type.equals("participant:updated")) {
                data.put("changes", changesOf(changed.changes()));
            }
        } else if (eventData instanceof EventData.PrizeChanged changed) {
            if (type.equals("prize:deleted")) {
                data.put("prizeId", changed.prize().id());
                return data;
            }
            data.put("prize", PrizeShown.of(changed.prize()));
            if (type.equals("prize:updated")) {
                data.put("changes", changesOf(changed.changes()));
            }
        } else if (eventData instanceof EventData.WinnerChanged changed) {
            Snapshots.Winner winner = changed.winner();
            if (type.equals("winner:removed")) {
                data.put("winnerId", winner.id());
                data.put("participantId", winner.participantId());
                data.put("prizeId", winner.prizeId());
            } else {
                data.put("winner", winner);
            }
        } else if (eventData instanceof EventData.DrawCompleted completed) {
            data.put("draw", DrawShown.of(completed.draw()));
        } else if (eventData instanceof EventData.AppEventPublished published) {
            published.data().properties().forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return data;
    }

    private static Map<String, @Nullable Object> changesOf(@Nullable Map<String, Object> changes) {
        return changes == null ? Map.of() : new LinkedHashMap<>(changes);
    }

    /** A participant as the participant API shows it: always with its user (unknown name and avatar are null). */
    private static Snapshots.Participant withUser(Snapshots.Participant participant) {
        if (participant.user() != null) {
            return participant;
        }
        return new Snapshots.Participant(participant.id(), participant.roomId(), participant.userId(), participant.role(),
                participant.metadata(), participant.active(), participant.removedBy(), participant.joinedAt(),
                participant.updatedAt(), new Snapshots.UserSummary(participant.userId(), null, null));
    }

}
