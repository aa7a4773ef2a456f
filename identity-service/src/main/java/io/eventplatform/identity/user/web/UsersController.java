package io.eventplatform.identity.user.web;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.identity.user.User;
import io.eventplatform.identity.user.UserAccounts;
import io.eventplatform.support.ids.Ids;
import io.eventplatform.support.web.ApiException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
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

    private static final Set<String> WRITABLE = Set.of("name", "avatar");

    private final UserAccounts users;

    UsersController(UserAccounts users) {
        this.users = users;
    }

    record Profile(String id, @Nullable String email, @Nullable String name, @Nullable String avatar, Instant createdAt,
                   Instant updatedAt) {
    }

    @GetMapping
    Map<String, Object> get(@AuthenticationPrincipal Jwt caller, @PathVariable String userId) {
        Caller who = Caller.of(caller);
        if (who.app() && !who.permissions().contains("users:read")) {
            throw new ApiException(ErrorCode.APP_PERMISSION_DENIED, "This app may not read users",
                    Map.of("appId", caller.getSubject(), "required", "users:read", "granted", who.permissions()));
        }
        return Map.of("data", profile(find(userId), who.isSelfOrAdmin(userId)));
    }

    @PatchMapping
    Map<String, Object> update(@AuthenticationPrincipal Jwt caller, @PathVariable String userId,
                               @RequestBody Map<String, Object> body) {
        User user = find(userId);
        requireSelfOrAdmin(caller, userId);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (String field : body.keySet()) {
            if (!WRITABLE.contains(field)) {
                errors.computeIfAbsent(field, f -> new ArrayList<>()).add("cannot be changed here");
            }
        }
        String name = body.containsKey("name") ? text(body.get("name"), "name", errors) : user.name();
        String avatar = body.containsKey("avatar") ? text(body.get("avatar"), "avatar", errors) : user.avatar();
        if (name != null && (name.isBlank() || name.length() > 100)) {
            errors.computeIfAbsent("name", f -> new ArrayList<>()).add("must be 1 to 100 characters");
        }
        if (avatar != null && !isHttpUrl(avatar)) {
            errors.computeIfAbsent("avatar", f -> new ArrayList<>()).add("must be an http(s) URL of at most 2048 characters");
        }
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "The request has invalid values", Map.of("fields", errors));
        }
        return Map.of("data", profile(users.updateProfile(userId, name, avatar), true));
    }

    @DeleteMapping
    Map<String, Object> delete(@AuthenticationPrincipal Jwt caller, @PathVariable String userId) {
        find(userId);
        requireSelfOrAdmin(caller, userId);
        users.delete(userId, caller.getSubject());
        return Map.of("data", Map.of("success", true));
    }

    private User find(String userId) {
        if (!Ids.looksLike("usr", userId)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "No such user");
        }
        return users.find(userId).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such user"));
    }

    private static void requireSelfOrAdmin(Jwt caller, String userId) {
        if (!Caller.of(caller).isSelfOrAdmin(userId)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only the user or a platform admin can do this");
        }
    }

    private static Profile profile(User user, boolean withEmail) {
        return new Profile(user.id(), withEmail ? user.email() : null, user.name(), user.avatar(), user.createdAt(),
                user.updatedAt());
    }

    private static @Nullable String text(@Nullable Object value, String field, Map<String, List<String>> errors) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add("must be a string or null");
        return null;
    }

    static boolean isHttpUrl(String value) {
        if (value.length() > 2048) {
            return false;
        }
        try {
            URI uri = URI.create(value);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Who is calling: a user (possibly a platform admin) or an app with its permissions. */
    record Caller(String subject, boolean app, boolean admin, List<String> permissions) {

        static Caller of(Jwt jwt) {
            List<String> perms = jwt.getClaimAsStringList("perms");
            return new Caller(jwt.getSubject(), "app".equals(jwt.getClaimAsString("typ")),
                    "admin".equals(jwt.getClaimAsString("prole")), perms == null ? List.of() : perms);
        }

        boolean isSelfOrAdmin(String userId) {
            return !app && (admin || subject.equals(userId));
        }
    }
}
