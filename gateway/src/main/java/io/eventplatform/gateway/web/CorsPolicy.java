package io.eventplatform.gateway.web;

import io.eventplatform.contracts.api.ApiError;
import io.eventplatform.contracts.api.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which web pages may call the API from a browser: the origins of {@code platform.gateway.cors.allowed-origins}
 * (patterns such as {@code https://*.example.com} or {@code http://localhost:*}; none by default, the local profile
 * allows localhost). A preflight from one of them is answered here; a cross-origin request from any other origin is
 * 403 in the error envelope and never reaches a service. Tokens travel in {@code Authorization}, not cookies, so no
 * credentials mode. The WebSocket upgrade's {@code Origin} check is to use the same list.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
@EnableConfigurationProperties(CorsPolicy.Settings.class)
class CorsPolicy implements WebFilter {

    /** @param allowedOrigins origin patterns a browser page may call the API from */
    @ConfigurationProperties("platform.gateway.cors")
    record Settings(@DefaultValue List<String> allowedOrigins, @DefaultValue("10m") Duration preflightMaxAge) {
    }

    private final CorsConfiguration configuration;
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final JsonMapper json;

    CorsPolicy(Settings settings, JsonMapper json) {
        this.json = json;
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(settings.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PATCH", "PUT", "DELETE"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Idempotency-Key",
                "X-Request-Id", "X-App-Token"));
        cors.setExposedHeaders(List.of("X-Request-Id", HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION,
                "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(settings.preflightMaxAge());
        this.configuration = cors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (!processor.process(configuration, exchange)) {
            String origin = exchange.getRequest().getHeaders().getOrigin();
            byte[] refusal = json.writeValueAsBytes(ApiError.of(ErrorCode.FORBIDDEN,
                    "Web pages from this origin may not call the API",
                    Map.<String, Object>of("origin", String.valueOf(origin), "required", "an origin on the gateway's CORS allow-list")));
            return EnvelopeResponses.write(exchange, 403, refusal);
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }
}
