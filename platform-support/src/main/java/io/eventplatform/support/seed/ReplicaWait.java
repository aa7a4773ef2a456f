package io.eventplatform.support.seed;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A seed waits for what another service's seed published to reach its replicas: it looks again every 250 ms until
 * {@code ready} has an answer, and gives up with {@code missing}'s explanation after {@code wait}.
 */
public final class ReplicaWait {

    private ReplicaWait() {
    }

    public static <T> T until(Duration wait, Supplier<Optional<T>> ready, Supplier<String> missing) {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            Optional<T> answer = ready.get();
            if (answer.isPresent()) {
                return answer.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(missing.get());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
