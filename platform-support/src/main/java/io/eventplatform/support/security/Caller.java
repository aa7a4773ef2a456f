package io.eventplatform.support.security;

import io.eventplatform.contracts.access.AppPermission;
import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.support.web.ApiException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling, from the verified token(s): a user (platform admin or not), an app on its own (app token), or a
 * user through an app (user token plus {@code X-App-Token}); in the last case both must allow an action. Declare a
 * {@code Caller} parameter on a controller method to receive it.
 */
public record Caller(@Nullable String userId, boolean admin, @Nullable String appId, Set<String> appPermissions) {

    public static Caller user(String userId, boolean admin) {
        return new Caller(userId, admin, null, Set.of());
    }

    public static Caller app(String appId, Set<String> permissions) {
        return new Caller(null, false, appId, permissions);
    }

    /** An app takes part in the call (alone or for a user): its permissions and its rooms limit what it may do. */
    public boolean viaApp() {
        return appId != null;
    }

    /** Only an app token, no user. */
    public boolean appOnly() {
        return userId == null;
    }

    /** Whether the app taking part (if any) was granted {@code permission}; false when no app takes part. */
    public boolean hasAppPermission(AppPermission permission) {
        return appPermissions.contains(permission.wire());
    }

    /**
     * For a call outside any room (listing rooms, reading a user): an app taking part must have been granted
     * {@code permission}; 403 APP_PERMISSION_DENIED otherwise. A user alone needs nothing here.
     */
    public void requireAppPermission(AppPermission permission) {
        if (viaApp() && !hasAppPermission(permission)) {
            throw new ApiException(ErrorCode.APP_PERMISSION_DENIED, "The app's manifest does not grant " + permission.wire(),
                    Map.of("appId", Objects.requireNonNull(appId), "required", permission.wire(), "granted", new TreeSet<>(appPermissions)));
        }
    }

    public boolean isUser(String id) {
        return id.equals(userId);
    }

    /** The user, or the app when no user takes part: who a change is recorded as made by. */
    public String actor() {
        return userId != null ? userId : Objects.requireNonNull(appId);
    }
}
