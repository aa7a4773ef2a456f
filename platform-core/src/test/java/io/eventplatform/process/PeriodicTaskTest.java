package io.eventplatform.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PeriodicTaskTest {

    @Test
    void runsRepeatedlyOnANamedDaemonThreadUntilStopped() {
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<Thread> thread = new AtomicReference<>();
        PeriodicTask task = new PeriodicTask("test-task", Duration.ZERO, Duration.ofMillis(5)) {
            @Override
            protected void runOnce() {
                thread.set(Thread.currentThread());
                runs.incrementAndGet();
            }
        };
        assertThat(task.isRunning()).isFalse();

        task.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
        assertThat(task.isRunning()).isTrue();
        assertThat(thread.get().getName()).isEqualTo("test-task");
        assertThat(thread.get().isDaemon()).isTrue();

        task.stop();

        assertThat(task.isRunning()).isFalse();
        // the only thread that ran it is gone: nothing runs it again
        await().atMost(Duration.ofSeconds(5)).until(() -> !thread.get().isAlive());
    }
}
