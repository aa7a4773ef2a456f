package io.eventplatform.contracts.events;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The {@code data} of each event type (see {@link EventType} for which type carries which). */
public final class EventData {

    private EventData() {
    }

    /** UserRegistered, UserUpdated, UserDeleted. */
    public record UserChanged(Snapshots.User user) {
    }

    /** AppRegistered, AppManifestUpdated (full manifest + version), AppActivationChanged, AppDeleted. */
    public record AppChanged(Snapshots.App app) {
    }

    /** One access token, until it expires. */
    public record TokenRevoked(String jti, String sub, Instant exp) {
    }

    /** Every access token of one session ({@code sid} claim), until the last of them expires. */
    public record SessionRevoked(String sid, String sub, Instant exp) {
    }

    /** Every token of a user or app issued before the cut-off. */
    public record SubjectTokensRevoked(String sub, Instant issuedBefore) {
    }

    /**
     * RoomCreated, RoomUpdated ({@code changes}: the changed fields with their new values), RoomStatusChanged
     * ({@code oldStatus}, {@code newStatus}), RoomDeleted.
     */
    public record RoomChanged(Snapshots.Room room, @Nullable Map<String, Object> changes, @Nullable String oldStatus,
                              @Nullable String newStatus) {
    }

    /** ParticipantJoined, ParticipantUpdated ({@code changes}), ParticipantLeft ({@code reason}: left or removed). */
    public record ParticipantChanged(Snapshots.Participant participant, @Nullable Map<String, Object> changes,
                                     @Nullable String reason) {
    }

    /** PrizeCreated, PrizeUpdated ({@code changes}), PrizeDeleted. */
    public record PrizeChanged(Snapshots.Prize prize, @Nullable Map<String, Object> changes) {
    }

    /** WinnerSelected, WinnerRevoked. */
    public record WinnerChanged(Snapshots.Winner winner) {
    }

    /** DrawCompleted: the audit record of a draw. */
    public record DrawCompleted(Snapshots.Draw draw) {
    }

    /**
     * AppEventPublished: an app's own event for a room's live clients ({@code event} is {@code <appId>:<name>},
     * {@code data} a JSON object).
     */
    public record AppEventPublished(String roomId, String appId, String event, JsonNode data) {
    }
}
