package io.eventplatform.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One circuit breaker per service, shared by all of its routes. Deliberately no bulkhead and no time limiter in
 * front of it: a cap on concurrent calls turns a crowd into 503s while the service is healthy, and a time limit
 * that starts before the client has sent its body counts a slow client as a failing service. The response time
 * limit is the HTTP client's ({@code spring.cloud.gateway.server.webflux.httpclient.response-timeout}).
 *
 * <p>Every change of a circuit's state is logged: an open circuit answers 503 without calling its service, so the
 * line that says it opened (and why) is the one an operator looks for.
 */
@Component
class ServiceCircuits {

    private static final Logger log = LoggerFactory.getLogger(ServiceCircuits.class);

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
        Duration openFor = properties.waitInOpenState();
        registry.getEventPublisher().onEntryAdded(added -> {
            CircuitBreaker circuit = added.getAddedEntry();
            circuit.getEventPublisher()
                    .onStateTransition(event -> logTransition(circuit, event.getStateTransition(), openFor));
        });
    }

    private static void logTransition(CircuitBreaker circuit, CircuitBreaker.StateTransition transition,
                                      Duration openFor) {
        if (transition.getToState() == CircuitBreaker.State.OPEN) {
            CircuitBreaker.Metrics metrics = circuit.getMetrics();
            log.warn("The {} service's circuit opened ({} of its last {} calls failed): its routes answer 503 without"
                            + " calling it for {} s, then try it again", circuit.getName(),
                    metrics.getNumberOfFailedCalls(), metrics.getNumberOfBufferedCalls(), openFor.toMillis() / 1000.0);
        } else {
            log.info("The {} service's circuit went from {} to {}", circuit.getName(),
                    transition.getFromState(), transition.getToState());
        }
    }

    CircuitBreaker of(String service) {
        return registry.circuitBreaker(service);
    }
}
