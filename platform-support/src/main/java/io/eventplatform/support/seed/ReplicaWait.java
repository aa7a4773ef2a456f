package io.eventplatform.support.seed;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * A seed waits for what another service's seed published to reach its replicas: {@code ready} is asked again
 * every 250 ms (Spring's {@link RetryTemplate}) until it has an answer; after {@code wait} the seed gives up with
 * {@code missing}'s explanation.
 */
public final class ReplicaWait {

    private static final Duration EVERY = Duration.ofMillis(250);

    private ReplicaWait() {
    }

    public static <T> T until(Duration wait, Supplier<Optional<T>> ready, Supplier<String> missing) {
        RetryTemplate retries = new RetryTemplate(RetryPolicy.builder()
                .includes(NotYet.class)
                .maxRetries(Math.max(1, wait.toMillis() / EVERY.toMillis()))
                .delay(EVERY)
                .multiplier(1)
                .build());
        try {
            return retries.execute(() -> ready.get().orElseThrow(NotYet::new));
        } catch (RetryException e) {
            throw new IllegalStateException(missing.get(), e);
        }
    }

    private static final class NotYet extends RuntimeException {
        NotYet() {
            super("not in the replicas yet", null, false, false);
        }
    }
}
