package io.eventplatform.contracts.rooms;

import java.util.Locale;
import java.util.Optional;

/**
 * The life of a room, in declaration order (the order lists sort by): draft, active, completed, cancelled.
 * Which moves are allowed is room-service's rule (its {@code Room} aggregate); here are only the names.
 */
public enum RoomStatus {
    DRAFT, ACTIVE, COMPLETED, CANCELLED;

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
