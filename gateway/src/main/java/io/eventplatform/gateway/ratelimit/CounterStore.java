package io.eventplatform.gateway.ratelimit;

import io.lettuce.core.RedisURI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the counters live: Redis when {@code platform.gateway.rate-limits.redis-url} names one, memory otherwise. */
@Configuration(proxyBeanMethods = false)
class CounterStore {

    private static final Logger log = LoggerFactory.getLogger(CounterStore.class);

    @Bean
    Counters rateLimitCounters(RateLimitSettings settings) {
        if (settings.redisUrl().isBlank()) {
            log.info("Rate limits counted in this gateway's memory (set GATEWAY_RATE_LIMIT_REDIS_URL to share them)");
            return new MemoryCounters();
        }
        RedisURI uri = RedisURI.create(settings.redisUrl()); // its password, if any, is not logged
        log.info("Rate limits counted in Redis at {}:{}, shared by every gateway using it", uri.getHost(), uri.getPort());
        return new RedisCounters(settings.redisUrl(), settings.redisTimeout());
    }
}
