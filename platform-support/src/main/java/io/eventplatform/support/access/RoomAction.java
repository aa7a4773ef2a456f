package io.eventplatform.support.access;

import static io.eventplatform.support.access.RoomRole.MODERATOR;
import static io.eventplatform.support.access.RoomRole.ORGANIZER;
import static io.eventplatform.support.access.RoomRole.PARTICIPANT;
import static io.eventplatform.support.access.RoomRole.VIEWER;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a caller wants to do in a room: the room roles that may (a platform admin may do everything a user can),
 * and the manifest permission an app needs for it ({@code null}: apps cannot do it; the platform keeps these for
 * people).
 */
public enum RoomAction {
    READ_ROOM(EnumSet.of(ORGANIZER, MODERATOR, PARTICIPANT, VIEWER), "rooms:read"),
    READ_PARTICIPANTS(EnumSet.of(ORGANIZER, MODERATOR, PARTICIPANT, VIEWER), "participants:read"),
    READ_PRIZES(EnumSet.of(ORGANIZER, MODERATOR, PARTICIPANT, VIEWER), "prizes:read"),
    READ_WINNERS(EnumSet.of(ORGANIZER, MODERATOR, PARTICIPANT, VIEWER), "winners:read"),
    UPDATE_ROOM(EnumSet.of(ORGANIZER), "rooms:write"),
    UPGRADE_MANIFEST(EnumSet.of(ORGANIZER), "rooms:write"),
    DELETE_ROOM(EnumSet.of(ORGANIZER), null),
    MANAGE_PARTICIPANTS(EnumSet.of(ORGANIZER, MODERATOR), "participants:write"),
    GRANT_MODERATOR(EnumSet.of(ORGANIZER), "participants:write"),
    WRITE_PRIZES(EnumSet.of(ORGANIZER, MODERATOR), "prizes:write"),
    SELECT_WINNERS(EnumSet.of(ORGANIZER, MODERATOR), "winners:write"),
    RUN_DRAWS(EnumSet.of(ORGANIZER, MODERATOR), null),
    REVOKE_WINNER(EnumSet.of(ORGANIZER), null),
    PUBLISH_APP_EVENTS(EnumSet.noneOf(RoomRole.class), "realtime:publish");

    private final Set<RoomRole> roles;
    private final @Nullable String appPermission;

    RoomAction(Set<RoomRole> roles, @Nullable String appPermission) {
        this.roles = roles;
        this.appPermission = appPermission;
    }

    public Set<RoomRole> roles() {
        return roles;
    }

    public @Nullable String appPermission() {
        return appPermission;
    }

    /** Whether a user needs only to see the room (any member, anyone for a public room). */
    public boolean isRead() {
        return name().startsWith("READ_");
    }
}
