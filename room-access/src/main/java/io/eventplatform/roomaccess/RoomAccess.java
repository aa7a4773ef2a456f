package io.eventplatform.roomaccess;

import io.eventplatform.contracts.access.AppPermission;
import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.rooms.RoomRole;
import io.eventplatform.support.security.Caller;
import io.eventplatform.support.web.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The decision: may this caller do this in this room? In the order of docs/api.md — first whether the caller can
 * see the room at all (a private room is 404 to a non-member, so its existence is not revealed), then whether the
 * caller may act (403 FORBIDDEN for a user's role, 403 APP_PERMISSION_DENIED for an app's rooms or permissions).
 * When a user acts through an app, both must allow it.
 */
public final class RoomAccess {

    /** What the decision needs to know about the room and the caller's place in it ({@code role} null: not a member). */
    public record Room(String appId, boolean isPublic, @Nullable RoomRole role) {
    }

    private RoomAccess() {
    }

    /** Whether the caller may see the room (its existence, its content). */
    private static boolean canSee(Caller caller, Room room) {
        if (room.isPublic()) {
            return true;
        }
        if (caller.appOnly()) {
            return room.appId().equals(caller.appId());
        }
        return caller.admin() || room.role() != null;
    }

    /** @throws ApiException 404, 403 FORBIDDEN or 403 APP_PERMISSION_DENIED when the action is not allowed */
    public static void require(Caller caller, Room room, RoomAction action) {
        if (!canSee(caller, room)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No such room");
        }
        if (!caller.appOnly()) {
            requireUser(caller, room, action);
        }
        if (caller.viaApp()) {
            requireApp(caller, room.appId(), action.appPermission());
        }
    }

    /** For an app (alone or for a user): the room must belong to it and its manifest must grant {@code permission}. */
    public static void requireApp(Caller caller, String roomAppId, @Nullable AppPermission permission) {
        if (!caller.viaApp()) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("appId", caller.appId());
        details.put("required", permission == null ? "a user token" : permission.wire());
        details.put("granted", new TreeSet<>(caller.appPermissions()));
        if (!roomAppId.equals(caller.appId())) {
            details.put("roomAppId", roomAppId);
            throw new ApiException(ErrorCode.APP_PERMISSION_DENIED, "An app may act only on rooms of its own app", details);
        }
        if (permission == null || !caller.hasAppPermission(permission)) {
            throw new ApiException(ErrorCode.APP_PERMISSION_DENIED,
                    permission == null ? "Apps cannot do this" : "The app's manifest does not grant " + permission.wire(), details);
        }
    }

    private static void requireUser(Caller caller, Room room, RoomAction action) {
        if (action.roles().isEmpty()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only an app can do this",
                    Map.of("required", "an app token with " + Objects.requireNonNull(action.appPermission()).wire()));
        }
        if (action.isRead() || caller.admin() || (room.role() != null && action.roles().contains(room.role()))) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("required", action.roles().stream().map(RoomRole::wire).toList());
        details.put("role", room.role() == null ? null : room.role().wire());
        throw new ApiException(ErrorCode.FORBIDDEN, "Your role in this room does not allow this", details);
    }
}
