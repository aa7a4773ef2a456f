package io.eventplatform.requests;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for {@code X-Request-Id}, at the gateway and in every service: a caller's id is kept if it is a
 * short token (so it is safe in logs and headers), otherwise a new UUID replaces it.
 */
public final class RequestIds {

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    public static String acceptedOrNew(@Nullable String candidate) {
        return candidate != null && ACCEPTED.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }
}
