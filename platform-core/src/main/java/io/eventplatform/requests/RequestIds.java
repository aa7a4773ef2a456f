package io.eventplatform.requests;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
        return candidate != null && ACCEPTED.matcher(candidate).matches() ? candidate : newId();
    }

    /**
     * A random UUID (version 4 layout) from a thread-local generator: a request id only has to be unique, not
     * unguessable, and {@link UUID#randomUUID()} reads the operating system's secure random source on every request.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
