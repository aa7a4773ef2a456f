package io.eventplatform.devstack.bench;

import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Waiting for something the platform does asynchronously (an event reaching a replica), bounded. */
final class Waits {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private Waits() {
    }

    /** Polls {@code attempt} until it returns a value; fails after a minute. */
    static <T> T until(String what, Supplier<@Nullable T> attempt) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            T value = attempt.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + LIMIT.toSeconds() + " s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
