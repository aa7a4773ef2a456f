package io.eventplatform.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * One circuit breaker per service, shared by all of its routes. Deliberately no bulkhead and no time limiter in
 * front of it: a cap on concurrent calls turns a crowd into 503s while the service is healthy, and a time limit
 * that starts before the client has sent its body counts a slow client as a failing service. The response time
 * limit is the HTTP client's ({@code spring.cloud.gateway.server.webflux.httpclient.response-timeout}).
 */
@Component
class ServiceCircuits {

    private final CircuitBreakerRegistry registry;

    ServiceCircuits(CircuitBreakerProperties properties, MeterRegistry meters) {
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.slidingWindowCalls())
                .minimumNumberOfCalls(properties.minimumCalls())
                .failureRateThreshold(properties.failureRatePercent())
                .waitDurationInOpenState(properties.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(properties.callsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    }

    CircuitBreaker of(String service) {
        return registry.circuitBreaker(service);
    }
}
