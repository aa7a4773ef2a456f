package io.eventplatform.gateway.ratelimit;

import java.time.Duration;
import reactor.core.publisher.Mono;

/** Counts requests per bucket and window: in this gateway's memory, or shared by every gateway through Redis. */
interface Counters {

    /** Adds one to {@code bucket}'s count in the window that starts at {@code windowStart} (epoch ms); the new count. */
    Mono<Long> increment(String bucket, long windowStart, Duration window);
}
