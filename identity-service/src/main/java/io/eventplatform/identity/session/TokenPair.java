package io.eventplatform.identity.session;

import io.eventplatform.identity.user.User;

/** What a login or a refresh hands out. The refresh token exists only here, never in storage or logs. */
public record TokenPair(String accessToken, String refreshToken, long expiresIn, User user) {

    @Override
    public String toString() {
        return "TokenPair[user=" + user.id() + "]";
    }
}
