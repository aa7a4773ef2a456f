package io.eventplatform.identity.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Who the app-token throttle slows down: the guessing address, never the app's own server. */
class AppTokenThrottleTest {

    final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
    final AppTokenThrottle throttle = new AppTokenThrottle(new AppTokenThrottle.Limits(5, 20, Duration.ofMinutes(1)), clock);

    @Test
    void anAddressIsRefusedAfterItsFailuresForAnyAppUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("203.0.113.7", "app_" + i);
        }

        assertThat(throttle.blockedFor("203.0.113.7", "app_other")).isEqualTo(Duration.ofMinutes(1));
        assertThat(throttle.blockedFor("198.51.100.1", "app_0")).isZero();
        clock.advance(Duration.ofSeconds(61));
        assertThat(throttle.blockedFor("203.0.113.7", "app_0")).isZero();
    }

    @Test
    void aSuccessClearsTheAddressesFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("203.0.113.8", "app_x");
        }
        throttle.succeeded("203.0.113.8");
        throttle.failed("203.0.113.8", "app_x");

        assertThat(throttle.blockedFor("203.0.113.8", "app_x")).isZero();
    }

    @Test
    void manyAddressesReachTheAppsCeilingAndOnlyAddressesThatFailedAreRefused() {
        for (int address = 0; address < 4; address++) {
            for (int i = 0; i < 5; i++) {
                throttle.failed("10.0.0." + address, "app_victim");
            }
        }
        // an address with one failure for the app: below its own limit, but the app's ceiling (20) is reached
        throttle.failed("10.0.1.1", "app_victim");

        assertThat(throttle.blockedFor("10.0.1.1", "app_victim")).isPositive();
        assertThat(throttle.blockedFor("10.0.1.1", "app_other")).isZero();
        assertThat(throttle.blockedFor("192.0.2.10", "app_victim")).isZero();
    }

    @Test
    void oneAddressCannotReachTheAppsCeilingAlone() {
        for (int i = 0; i < 100; i++) {
            throttle.failed("203.0.113.9", "app_victim");
        }
        throttle.failed("192.0.2.11", "app_victim");

        // the first address added 5 of the app's 20, so the second is judged by its own single failure
        assertThat(throttle.blockedFor("192.0.2.11", "app_victim")).isZero();
        assertThat(throttle.blockedFor("203.0.113.9", "app_victim")).isPositive();
    }
}
