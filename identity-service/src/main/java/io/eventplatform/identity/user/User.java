package io.eventplatform.identity.user;

import io.eventplatform.contracts.events.Snapshots;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A person who logs in. Emails are stored lower-cased; {@code platformRole} is USER or ADMIN. */
public record User(String id, String email, @Nullable String name, @Nullable String avatar, String provider,
                   @Nullable String providerId, String platformRole, long version, Instant createdAt, Instant updatedAt,
                   @Nullable Instant deletedAt) {

    public boolean isAdmin() {
        return "ADMIN".equals(platformRole);
    }

    /** The state other services replicate (no email: they do not need it). */
    Snapshots.User snapshot() {
        return new Snapshots.User(id, name, avatar, platformRole.toLowerCase(java.util.Locale.ROOT), deletedAt != null,
                createdAt, updatedAt);
    }
}
