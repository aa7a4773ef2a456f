package io.eventplatform.roomaccess;

import static io.eventplatform.contracts.access.AppPermission.PARTICIPANTS_READ;
import static io.eventplatform.contracts.access.AppPermission.PARTICIPANTS_WRITE;
import static io.eventplatform.contracts.access.AppPermission.PRIZES_READ;
import static io.eventplatform.contracts.access.AppPermission.PRIZES_WRITE;
import static io.eventplatform.contracts.access.AppPermission.REALTIME_PUBLISH;
import static io.eventplatform.contracts.access.AppPermission.REALTIME_SUBSCRIBE;
import static io.eventplatform.contracts.access.AppPermission.ROOMS_READ;
import static io.eventplatform.contracts.access.AppPermission.ROOMS_WRITE;
import static io.eventplatform.contracts.access.AppPermission.WINNERS_READ;
import static io.eventplatform.contracts.access.AppPermission.WINNERS_WRITE;
import static io.eventplatform.contracts.rooms.RoomRole.MODERATOR;
import static io.eventplatform.contracts.rooms.RoomRole.ORGANIZER;
import static io.eventplatform.contracts.rooms.RoomRole.PARTICIPANT;
import static io.eventplatform.contracts.rooms.RoomRole.VIEWER;

import io.eventplatform.contracts.access.AppPermission;
import io.eventplatform.contracts.rooms.RoomRole;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a caller wants to do in a room: the room roles that may (a platform admin may do everything a user can),
 * and the manifest permission an app needs for it ({@code null}: apps cannot do it; the platform keeps these for
 * people).
 */
public enum RoomAction {
    READ_ROOM(EnumSet.of(ORGANIZER, MODERATOR, PARTICIPANT, VIEWER), ROOMS_READ),
    READ_PARTICIPANTS(EnumSet.of(ORGANIZER, MODERATOR, PARTICIPANT, VIEWER), PARTICIPANTS_READ),
    READ_PRIZES(EnumSet.of(ORGANIZER, MODERATOR, PARTICIPANT, VIEWER), PRIZES_READ),
    READ_WINNERS(EnumSet.of(ORGANIZER, MODERATOR, PARTICIPANT, VIEWER), WINNERS_READ),
    /** Following the room's events live (WebSocket). */
    READ_EVENTS(EnumSet.of(ORGANIZER, MODERATOR, PARTICIPANT, VIEWER), REALTIME_SUBSCRIBE),
    UPDATE_ROOM(EnumSet.of(ORGANIZER), ROOMS_WRITE),
    UPGRADE_MANIFEST(EnumSet.of(ORGANIZER), ROOMS_WRITE),
    DELETE_ROOM(EnumSet.of(ORGANIZER), null),
    MANAGE_PARTICIPANTS(EnumSet.of(ORGANIZER, MODERATOR), PARTICIPANTS_WRITE),
    GRANT_MODERATOR(EnumSet.of(ORGANIZER), PARTICIPANTS_WRITE),
    WRITE_PRIZES(EnumSet.of(ORGANIZER, MODERATOR), PRIZES_WRITE),
    SELECT_WINNERS(EnumSet.of(ORGANIZER, MODERATOR), WINNERS_WRITE),
    RUN_DRAWS(EnumSet.of(ORGANIZER, MODERATOR), null),
    REVOKE_WINNER(EnumSet.of(ORGANIZER), null),
    /** An app's own events for the room's live clients: apps only. */
    PUBLISH_EVENTS(EnumSet.noneOf(RoomRole.class), REALTIME_PUBLISH);

    private final Set<RoomRole> roles;
    private final @Nullable AppPermission appPermission;

    RoomAction(Set<RoomRole> roles, @Nullable AppPermission appPermission) {
        this.roles = roles;
        this.appPermission = appPermission;
    }

    public Set<RoomRole> roles() {
        return roles;
    }

    public @Nullable AppPermission appPermission() {
        return appPermission;
    }

    /** Whether a user needs only to see the room (any member, anyone for a public room). */
    public boolean isRead() {
        return name().startsWith("READ_");
    }
}
