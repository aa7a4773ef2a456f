package io.eventplatform.room.room;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.support.web.ApiException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The life of a room, in declaration order (the order lists sort by): draft → active → completed, and
 * draft/active → cancelled. Completed and cancelled are final.
 */
public enum RoomStatus {
    DRAFT, ACTIVE, COMPLETED, CANCELLED;

    private static final Map<RoomStatus, Set<RoomStatus>> NEXT = Map.of(
            DRAFT, Set.of(ACTIVE, CANCELLED),
            ACTIVE, Set.of(COMPLETED, CANCELLED),
            COMPLETED, Set.of(),
            CANCELLED, Set.of());

    public boolean canMoveTo(RoomStatus target) {
        return NEXT.get(this).contains(target);
    }

    /** The target if this status may move there; 409 INVALID_STATUS_TRANSITION (naming both) otherwise. */
    public RoomStatus moveTo(RoomStatus target) {
        if (!canMoveTo(target)) {
            throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION,
                    "A " + wire() + " room cannot become " + target.wire(),
                    Map.of("from", wire(), "to", target.wire(), "allowed", NEXT.get(this).stream().map(RoomStatus::wire).sorted().toList()));
        }
        return target;
    }

    /** Lowercase, as on the wire. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses either case ("draft", "DRAFT"); empty for anything else. */
    public static Optional<RoomStatus> parse(String value) {
        for (RoomStatus status : values()) {
            if (status.name().equalsIgnoreCase(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
