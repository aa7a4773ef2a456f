package io.eventplatform.identity.user;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.identity.revocation.Revocations;
import io.eventplatform.support.body.Patch;
import io.eventplatform.support.events.Outbox;
import io.eventplatform.support.web.ApiException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finding, creating and refreshing users at login; every change is published on identity.users.v1. */
@Service
@EnableConfigurationProperties(AdminEmails.class)
public class UserAccounts {

    private final Users users;
    private final Outbox outbox;
    private final AdminEmails admins;
    private final Revocations revocations;

    UserAccounts(Users users, Outbox outbox, AdminEmails admins, Revocations revocations) {
        this.users = users;
        this.outbox = outbox;
        this.admins = admins;
        this.revocations = revocations;
    }

    /** The user with this email, created if new; name and platform role refreshed from this login. */
    @Transactional
    public User logIn(String email, @Nullable String name, String provider, @Nullable String providerId) {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        String role = admins.normalized().contains(normalized) ? "ADMIN" : "USER";
        Optional<User> existing = users.findLiveByEmail(normalized);
        if (existing.isEmpty()) {
            User created = users.insertOrGet(normalized, name, provider, providerId, role);
            if (created.version() == 1) {
                publish(EventType.USER_REGISTERED, created);
            }
            return created;
        }
        User user = existing.get();
        String newName = name != null ? name : user.name();
        String newRole = "ADMIN".equals(role) ? "ADMIN" : user.platformRole();
        if (Objects.equals(newName, user.name()) && newRole.equals(user.platformRole())) {
            return user;
        }
        User updated = users.update(user.id(), newName, newRole);
        publish(EventType.USER_UPDATED, updated);
        return updated;
    }

    /**
     * A login through an external provider: the user with this provider identity, else the user with this email
     * if the provider verified it, else a new user. Name and avatar follow the provider.
     */
    @Transactional
    public User logInWithProvider(String provider, String subject, String email, boolean emailVerified,
                                  @Nullable String name, @Nullable String avatar) {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        Optional<User> known = users.findLiveByProvider(provider, subject);
        if (known.isEmpty() && emailVerified) {
            known = users.findLiveByEmail(normalized);
        }
        if (known.isEmpty()) {
            if (users.findLiveByEmail(normalized).isPresent()) {
                throw new ApiException(ErrorCode.CONFLICT,
                        "An account with this email exists; the provider has not verified the email, so it cannot be joined");
            }
            User created = logIn(normalized, name, provider, subject);
            return avatar == null ? created : saveProfile(created.id(), created.name(), safeAvatar(avatar));
        }
        User user = known.get();
        User current = logIn(user.email(), name, user.provider(), user.providerId());
        String newAvatar = avatar == null ? current.avatar() : safeAvatar(avatar);
        return Objects.equals(newAvatar, current.avatar()) ? current : saveProfile(current.id(), current.name(), newAvatar);
    }

    private static @Nullable String safeAvatar(String avatar) {
        return avatar.length() <= 2048 && (avatar.startsWith("https://") || avatar.startsWith("http://")) ? avatar : null;
    }

    public Optional<User> find(String id) {
        return users.findLive(id);
    }

    /** What {@code PATCH /users/{id}} asks for: absent stays, {@code null} clears. */
    public record ProfileChange(Patch<String> name, Patch<String> avatar) {
    }

    /** Changes name and/or avatar (the caller has checked who may). */
    @Transactional
    public User updateProfile(User user, ProfileChange change) {
        return saveProfile(user.id(), change.name().isPresent() ? change.name().value() : user.name(),
                change.avatar().isPresent() ? change.avatar().value() : user.avatar());
    }

    private User saveProfile(String id, @Nullable String name, @Nullable String avatar) {
        User updated = users.updateProfile(id, name, avatar);
        publish(EventType.USER_UPDATED, updated);
        return updated;
    }

    /**
     * Soft-deletes the user, refused while they organize rooms; their sessions go and every token they hold is
     * revoked at once.
     */
    @Transactional
    public void delete(String id, String deletedBy) {
        users.findLive(id).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such user"));
        long rooms = users.organizedRooms(id);
        if (rooms > 0) {
            throw new ApiException(ErrorCode.USER_HAS_ROOMS, "The user still organizes rooms; delete or hand them over first",
                    java.util.Map.of("rooms", rooms));
        }
        User deleted = users.softDelete(id);
        users.deleteSessions(id);
        revocations.revokeSubject(id, "user_deleted", deletedBy.equals(id) ? null : deletedBy);
        publish(EventType.USER_DELETED, deleted);
    }

    private void publish(EventType type, User user) {
        outbox.publish(EventEnvelope.of(type, "identity-service", user.id(), user.version(), null,
                new EventData.UserChanged(user.snapshot())));
    }
}
