package io.eventplatform.gateway.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's decoder fetches identity-service's key set again whenever a token names a key it does not hold.
 * This lets at most two tokens with a key id not seen in a verified token through per interval; any further one is
 * refused (401) without reaching the decoder, so made-up key ids cannot turn into fetches at identity-service. A
 * key id becomes known once a token signed with it is verified.
 */
final class UnknownKeyIds {

    private static final int PER_INTERVAL = 2;
    private static final int MAX_KNOWN = 64;

    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final Deque<Long> recent = new ArrayDeque<>();
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final JsonMapper json;

    UnknownKeyIds(Duration interval, JsonMapper json) {
        this(interval, json, System::nanoTime);
    }

    UnknownKeyIds(Duration interval, JsonMapper json, LongSupplier nanoTime) {
        this.intervalNanos = interval.toNanos();
        this.json = json;
        this.nanoTime = nanoTime;
    }

    /**
     * Whether the token may go to the decoder: it names no key id (nothing to fetch for), its key is known, or an
     * unknown key's turn is free.
     */
    boolean mayVerify(String token) {
        String kid = keyId(token);
        if (kid == null || known.contains(kid)) {
            return true;
        }
        long now = nanoTime.getAsLong();
        synchronized (recent) {
            while (!recent.isEmpty() && now - recent.peekFirst() >= intervalNanos) {
                recent.pollFirst();
            }
            if (recent.size() >= PER_INTERVAL) {
                return false;
            }
            recent.addLast(now);
            return true;
        }
    }

    /**
     * The decoder found the token's key (it verified, or failed on its signature or claims — anything but "no
     * matching key"): its key id is in the key set, known from now on.
     */
    void keyFound(String token) {
        String kid = keyId(token);
        if (kid != null && known.size() < MAX_KNOWN) {
            known.add(kid);
        }
    }

    /** Whether a refusal by the decoder means the key set has no key with the token's key id. */
    static boolean noSuchKey(Throwable refusal) {
        for (Throwable cause = refusal; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (message != null && message.contains("no matching key")) {
                return true;
            }
        }
        return false;
    }

    private @Nullable String keyId(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            JsonNode header = json.readTree(new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8));
            JsonNode kid = header.get("kid");
            return kid != null && kid.isString() ? kid.asString() : null;
        } catch (RuntimeException malformed) {
            return null; // the decoder refuses it without any fetch
        }
    }
}
