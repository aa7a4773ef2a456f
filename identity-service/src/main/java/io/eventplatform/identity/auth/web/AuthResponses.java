package io.eventplatform.identity.auth.web;

import io.eventplatform.identity.session.TokenPair;
import io.eventplatform.identity.user.User;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Response bodies of the auth endpoints (docs/api.md "Auth and users"). */
final class AuthResponses {

    private AuthResponses() {
    }

    record UserSummary(String id, String email, @Nullable String name, @Nullable String avatar) {
    }

    record Tokens(String accessToken, String refreshToken, String tokenType, long expiresIn, UserSummary user) {

        static Tokens of(TokenPair pair) {
            User user = pair.user();
            return new Tokens(pair.accessToken(), pair.refreshToken(), "Bearer", pair.expiresIn(),
                    new UserSummary(user.id(), user.email(), user.name(), user.avatar()));
        }

        @Override
        public String toString() {
            return "Tokens[user=" + user.id() + "]";
        }
    }

    record Me(String id, String email, @Nullable String name, @Nullable String avatar, String platformRole,
              Instant createdAt, Instant updatedAt) {

        static Me of(User user) {
            return new Me(user.id(), user.email(), user.name(), user.avatar(),
                    user.platformRole().toLowerCase(Locale.ROOT), user.createdAt(), user.updatedAt());
        }
    }
}
