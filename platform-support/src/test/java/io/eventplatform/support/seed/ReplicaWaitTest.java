package io.eventplatform.support.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A seed's wait: it asks again until the replicas have the answer, and gives up with an explanation. */
class ReplicaWaitTest {

    @Test
    void asksAgainUntilTheAnswerIsThere() {
        AtomicInteger asked = new AtomicInteger();

        String answer = ReplicaWait.until(Duration.ofSeconds(5),
                () -> asked.incrementAndGet() < 3 ? Optional.empty() : Optional.of("olivia"), () -> "never");

        assertThat(answer).isEqualTo("olivia");
        assertThat(asked).hasValue(3);
    }

    @Test
    void givesUpWithTheExplanation() {
        AtomicInteger asked = new AtomicInteger();

        assertThatThrownBy(() -> ReplicaWait.until(Duration.ofMillis(500), () -> {
            asked.incrementAndGet();
            return Optional.empty();
        }, () -> "the demo rooms have not arrived")).isInstanceOf(IllegalStateException.class)
                .hasMessage("the demo rooms have not arrived");
        assertThat(asked).hasValue(3);
    }
}
