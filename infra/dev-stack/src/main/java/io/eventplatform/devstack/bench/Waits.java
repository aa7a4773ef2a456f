package io.eventplatform.devstack.bench;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;

/** Waiting for something the platform does asynchronously (an event reaching a replica), bounded. */
final class Waits {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(20);

    private Waits() {
    }

    /** Polls {@code attempt} until it returns a value; fails after a minute. */
    static <T> T until(String what, Supplier<@Nullable T> attempt) {
        try {
            return await(what).atMost(LIMIT).pollInterval(POLL).pollInSameThread()
                    .until(attempt::get, Objects::nonNull);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("gave up waiting for " + what + " after " + LIMIT.toSeconds() + " s", e);
        }
    }
}
