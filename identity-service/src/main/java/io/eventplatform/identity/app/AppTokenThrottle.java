package io.eventplatform.identity.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Slows down whoever guesses app secrets, never the app itself (docs/auth.md "Apps").
 * <ul>
 *   <li>A client address (the caller's, through the trusted proxies) with {@code perClient} failed token
 *       requests within the window is refused until its oldest failure is out of the window, whichever app
 *       ids it tries.</li>
 *   <li>An app id with {@code perApp} failures within the window, from however many addresses, is closed to
 *       every address that failed for it in that window; an address without a failure — the app's own server —
 *       still gets its token. One address can add at most {@code perClient} failures, so no single client
 *       reaches the ceiling.</li>
 * </ul>
 * Counted per instance (a guesser spread over instances gets their number times as many tries, still far too
 * few for a 256-bit secret).
 */
@Component
@EnableConfigurationProperties(AppTokenThrottle.Limits.class)
class AppTokenThrottle {

    private static final int MAX_TRACKED = 10_000;

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Deque<Instant>> byClient = new ConcurrentHashMap<>();
    private final Map<String, Deque<Failure>> byApp = new ConcurrentHashMap<>();

    @Autowired
    AppTokenThrottle(Limits limits) {
        this(limits, Clock.systemUTC());
    }

    AppTokenThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * @param perClient failed attempts one client address may make within the window
     * @param perApp    failed attempts for one app id within the window after which only addresses without a
     *                  failure for it are heard
     * @param window    how far back failures count
     */
    @ConfigurationProperties("platform.identity.app-token-throttle")
    record Limits(@DefaultValue("5") int perClient, @DefaultValue("50") int perApp, @DefaultValue("1m") Duration window) {
    }

    private record Failure(Instant at, String client) {
    }

    /** How long this client must wait before asking for this app's token again, or zero. */
    Duration blockedFor(String client, String appId) {
        Instant now = clock.instant();
        Deque<Instant> own = byClient.get(client);
        if (own != null) {
            synchronized (own) {
                expire(own, now);
                if (own.size() >= limits.perClient()) {
                    return Duration.between(now, own.peekFirst().plus(limits.window()));
                }
            }
        }
        Deque<Failure> app = byApp.get(appId);
        if (app != null) {
            synchronized (app) {
                while (!app.isEmpty() && !app.peekFirst().at().plus(limits.window()).isAfter(now)) {
                    app.pollFirst();
                }
                if (app.size() >= limits.perApp() && app.stream().anyMatch(failure -> failure.client().equals(client))) {
                    return Duration.between(now, app.peekFirst().at().plus(limits.window()));
                }
            }
        }
        return Duration.ZERO;
    }

    void failed(String client, String appId) {
        if (byClient.size() > MAX_TRACKED || byApp.size() > MAX_TRACKED) {
            // addresses and ids guessed at random must not grow the maps without bound
            byClient.clear();
            byApp.clear();
        }
        Instant now = clock.instant();
        Deque<Instant> own = byClient.computeIfAbsent(client, key -> new ArrayDeque<>());
        synchronized (own) {
            own.addLast(now);
            while (own.size() > limits.perClient()) {
                own.pollFirst();
            }
        }
        Deque<Failure> app = byApp.computeIfAbsent(appId, key -> new ArrayDeque<>());
        synchronized (app) {
            if (app.stream().filter(failure -> failure.client().equals(client)).count() < limits.perClient()) {
                app.addLast(new Failure(now, client));
            }
            while (app.size() > limits.perApp()) {
                app.pollFirst();
            }
        }
    }

    void succeeded(String client) {
        byClient.remove(client);
    }

    private void expire(Deque<Instant> failures, Instant now) {
        while (!failures.isEmpty() && !failures.peekFirst().plus(limits.window()).isAfter(now)) {
            failures.pollFirst();
        }
    }
}
