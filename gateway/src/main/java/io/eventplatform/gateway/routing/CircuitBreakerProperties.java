package io.eventplatform.gateway.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a route's circuit opens: after {@code failureRatePercent} of the last {@code slidingWindowCalls} calls (and
 * at least {@code minimumCalls}) were real failures of the service; it stays open for {@code waitInOpenState}, then
 * lets {@code callsInHalfOpenState} trial calls through and closes by itself when they succeed.
 */
@ConfigurationProperties("platform.gateway.circuit-breaker")
public record CircuitBreakerProperties(
        @DefaultValue("50") float failureRatePercent,
        @DefaultValue("20") int slidingWindowCalls,
        @DefaultValue("10") int minimumCalls,
        @DefaultValue("10s") Duration waitInOpenState,
        @DefaultValue("3") int callsInHalfOpenState) {
}
