package io.eventplatform.identity.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing: after 5 failed token requests for one app id within a minute, further attempts for it are
 * refused until the oldest failure is a minute old. Counted per instance (a guesser spread over instances gets
 * their number times as many tries, still far too few for a 256-bit secret).
 */
@Component
class AppTokenThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    /** How long the app id is blocked for, or zero. */
    Duration blockedFor(String appId) {
        Deque<Instant> recent = failures.get(appId);
        if (recent == null) {
            return Duration.ZERO;
        }
        synchronized (recent) {
            Instant now = clock.instant();
            while (!recent.isEmpty() && recent.peekFirst().plus(WINDOW).isBefore(now)) {
                recent.pollFirst();
            }
            return recent.size() < MAX_FAILURES ? Duration.ZERO : Duration.between(now, recent.peekFirst().plus(WINDOW));
        }
    }

    void failed(String appId) {
        if (failures.size() > 10_000) {
            failures.clear(); // ids guessed at random must not grow the map without bound
        }
        Deque<Instant> recent = failures.computeIfAbsent(appId, id -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(clock.instant());
            while (recent.size() > MAX_FAILURES) {
                recent.pollFirst();
            }
        }
    }

    void succeeded(String appId) {
        failures.remove(appId);
    }
}
