package io.eventplatform.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * Counts in this gateway's memory (one gateway, the embedded default): one counter per bucket, replaced when its
 * window has passed; buckets whose window passed are dropped now and then, so a crowd of one-time addresses does
 * not accumulate.
 */
final class MemoryCounters implements Counters {

    private record Window(long start, AtomicLong count) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep = new AtomicLong();

    @Override
    public Mono<Long> increment(String bucket, long windowStart, Duration window) {
        sweep(windowStart);
        Window current = windows.compute(bucket, (key, existing) ->
                existing == null || existing.start() != windowStart ? new Window(windowStart, new AtomicLong()) : existing);
        return Mono.just(current.count().incrementAndGet());
    }

    private void sweep(long windowStart) {
        long previous = lastSweep.get();
        if (previous != windowStart && lastSweep.compareAndSet(previous, windowStart)) {
            windows.values().removeIf(window -> window.start() < windowStart);
        }
    }

    int buckets() {
        return windows.size();
    }
}
