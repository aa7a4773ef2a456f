package io.eventplatform.identity.user.web;

import io.eventplatform.contracts.access.AppPermission;
import io.eventplatform.contracts.api.Data;
import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.api.Success;
import io.eventplatform.identity.user.User;
import io.eventplatform.identity.user.UserAccounts;
import io.eventplatform.support.body.Patch;
import io.eventplatform.support.body.Submitted;
import io.eventplatform.support.ids.Ids;
import io.eventplatform.support.security.Caller;
import io.eventplatform.support.validation.HttpUrl;
import io.eventplatform.support.validation.TextLength;
import io.eventplatform.support.web.ApiException;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/users/{userId}}: profiles (email only for the user and admins), changes and deletion by self or admin. */
@RestController
@RequestMapping("/api/v1/users/{userId}")
class UsersController {


    private final UserAccounts users;

    UsersController(UserAccounts users) {
        this.users = users;
    }

    /** {@code PATCH /users/{id}}: a merge-patch of the profile. */
    record ProfileRequest(Patch<@TextLength(min = 1, max = 100) String> name, Patch<@HttpUrl String> avatar) {
    }

    record Profile(String id, @Nullable String email, @Nullable String name, @Nullable String avatar, Instant createdAt,
                   Instant updatedAt) {
    }

    @GetMapping
    Data<Profile> get(Caller caller, @PathVariable String userId) {
        caller.requireAppPermission(AppPermission.USERS_READ);
        return Data.of(profile(find(userId), isSelfOrAdmin(caller, userId)));
    }

    @PatchMapping
    Data<Profile> update(Caller caller, @PathVariable String userId, @RequestBody Submitted<ProfileRequest> body) {
        User user = find(userId);
        requireSelfOrAdmin(caller, userId);
        ProfileRequest request = body.valid();
        return Data.of(profile(users.updateProfile(user,
                new UserAccounts.ProfileChange(request.name(), request.avatar())), true));
    }

    @DeleteMapping
    Data<Success> delete(Caller caller, @PathVariable String userId) {
        find(userId);
        requireSelfOrAdmin(caller, userId);
        users.delete(userId, caller.actor());
        return Success.done();
    }

    private User find(String userId) {
        if (!Ids.looksLike("usr", userId)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No such user");
        }
        return users.find(userId).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such user"));
    }

    /** The user themselves (not through an app) or a platform admin. */
    private static boolean isSelfOrAdmin(Caller caller, String userId) {
        return !caller.viaApp() && (caller.admin() || caller.isUser(userId));
    }

    private static void requireSelfOrAdmin(Caller caller, String userId) {
        if (!isSelfOrAdmin(caller, userId)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only the user or a platform admin can do this",
                    Map.of("required", "the user themselves or admin"));
        }
    }

    private static Profile profile(User user, boolean withEmail) {
        return new Profile(user.id(), withEmail ? user.email() : null, user.name(), user.avatar(), user.createdAt(),
                user.updatedAt());
    }
}
