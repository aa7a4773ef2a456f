package io.eventplatform.gateway.health;

import io.eventplatform.gateway.routing.Downstreams;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * One health component per domain service ({@code identityService}, {@code roomService}, {@code prizeService}),
 * each the readiness of that service as it answers right now. They are part of the gateway's overall health,
 * not of its readiness group: the gateway stays ready (and answers 503 for a missing service) while one is down.
 */
@Configuration(proxyBeanMethods = false)
class DownstreamHealth {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Bean
    ReactiveHealthIndicator identityService(Downstreams downstreams) {
        return indicator(downstreams.identity());
    }

    @Bean
    ReactiveHealthIndicator roomService(Downstreams downstreams) {
        return indicator(downstreams.room());
    }

    @Bean
    ReactiveHealthIndicator prizeService(Downstreams downstreams) {
        return indicator(downstreams.prize());
    }

    private static ReactiveHealthIndicator indicator(URI base) {
        WebClient client = WebClient.builder().baseUrl(base.toString()).build();
        return () -> client.get().uri("/actuator/health/readiness")
                .exchangeToMono(response -> Mono.just(response.statusCode().is2xxSuccessful()
                        ? Health.up().build()
                        : Health.status(Status.DOWN).build()))
                .timeout(TIMEOUT)
                .onErrorResume(error -> Mono.just(Health.down().build()));
    }
}
