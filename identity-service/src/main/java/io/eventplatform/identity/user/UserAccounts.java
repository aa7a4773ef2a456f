package io.eventplatform.identity.user;

import io.eventplatform.contracts.events.EventData;
import io.eventplatform.contracts.events.EventEnvelope;
import io.eventplatform.contracts.events.EventType;
import io.eventplatform.contracts.api.ErrorCode;
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

    UserAccounts(Users users, Outbox outbox, AdminEmails admins) {
        this.users = users;
        this.outbox = outbox;
        this.admins = admins;
    }

    /** The user with this email, created if new; name and platform role refreshed from this login. */
    @Transactional
    public User logIn(String email, @Nullable String name, String provider, @Nullable String providerId) {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        String role = admins.normalized().contains(normalized) ? "ADMIN" : "USER";
        Optional<User> existing = users.findLiveByEmail(normalized);
        if (existing.isEmpty()) {
            User created = users.insertOrGet(normalized, name, provider, providerId, role);
            if (created.deletedAt() != null) {
                throw new ApiException(ErrorCode.FORBIDDEN, "This account was deleted");
            }
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

    public Optional<User> find(String id) {
        return users.findLive(id);
    }

    private void publish(EventType type, User user) {
        outbox.publish(EventEnvelope.of(type, "identity-service", user.id(), user.version(), null,
                new EventData.UserChanged(user.snapshot())));
    }
}
