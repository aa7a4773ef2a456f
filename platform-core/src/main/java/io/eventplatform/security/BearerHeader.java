package io.eventplatform.security;

import org.jspecify.annotations.Nullable;

/** The token of an {@code Authorization: Bearer <token>} header (the scheme in any case), as the edge reads it. */
public final class BearerHeader {

    private static final String SCHEME = "Bearer ";

    private BearerHeader() {
    }

    /** The token, trimmed; null when the header is missing or names another scheme. */
    public static @Nullable String token(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        return authorization.substring(SCHEME.length()).trim();
    }
}
