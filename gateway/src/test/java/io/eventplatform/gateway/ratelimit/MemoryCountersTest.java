package io.eventplatform.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MemoryCountersTest {

    static final Duration MINUTE = Duration.ofMinutes(1);
    final MemoryCounters counters = new MemoryCounters();

    @Test
    void eachBucketCountsInItsWindowAndANewWindowStartsAtOne() {
        assertThat(counters.increment("user:ada", 0, MINUTE).block()).isEqualTo(1);
        assertThat(counters.increment("user:ada", 0, MINUTE).block()).isEqualTo(2);
        assertThat(counters.increment("user:bob", 0, MINUTE).block()).isEqualTo(1);

        assertThat(counters.increment("user:ada", 60_000, MINUTE).block()).isEqualTo(1);
    }

    @Test
    void bucketsOfPassedWindowsAreDroppedSoOneTimeAddressesDoNotAccumulate() {
        for (int i = 0; i < 1000; i++) {
            counters.increment("address:203.0.113." + i, 0, MINUTE).block();
        }
        assertThat(counters.buckets()).isEqualTo(1000);

        counters.increment("address:198.51.100.1", 60_000, MINUTE).block();

        assertThat(counters.buckets()).isEqualTo(1);
    }

    @Test
    void parallelRequestsOfOneBucketAreEachCountedOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 4000; i++) {
            pool.submit(() -> counters.increment("user:crowd", 0, MINUTE).block());
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(counters.increment("user:crowd", 0, MINUTE).block()).isEqualTo(4001);
    }
}
