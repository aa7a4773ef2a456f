package io.eventplatform.testing;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.pollinterval.IterativePollInterval;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * How every test's {@code await()} polls, set once per test JVM (found by the JUnit Platform through
 * {@code META-INF/services}): the condition is checked at once, then after 5 ms, and at twice the pause each time up
 * to 100 ms. Awaitility's own default checks first after 100 ms and every 100 ms, so a wait for something already
 * true, or true a few milliseconds later, cost 100 ms — hundreds of times per module.
 */
public final class AwaitilityDefaults implements LauncherSessionListener {

    static final Duration FIRST_PAUSE = Duration.ofMillis(5);
    static final Duration LONGEST_PAUSE = Duration.ofMillis(100);

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        apply();
    }

    static void apply() {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(new IterativePollInterval(
                pause -> pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2),
                FIRST_PAUSE));
    }
}
