package io.eventplatform.contracts.rooms;

import java.util.Locale;
import java.util.Optional;

/**
 * A role in a room, in declaration order (the order lists sort by). ADMIN is the platform role (a platform admin
 * acts in every room), never stored as a membership.
 */
public enum RoomRole {
    ADMIN, ORGANIZER, MODERATOR, PARTICIPANT, VIEWER;

    /** Lowercase, as on the wire. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire form (either case); empty for anything else. */
    public static Optional<RoomRole> parse(String value) {
        for (RoomRole role : values()) {
            if (role.name().equalsIgnoreCase(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
