package io.eventplatform.gateway.ratelimit;

import io.eventplatform.contracts.api.ApiError;
import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.gateway.security.EdgeTokens;
import io.eventplatform.gateway.web.EnvelopeResponses;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rate limits, before the token check so that a request with an invalid token counts too (in its address's
 * bucket): a fixed window per bucket (docs/api.md "Rate limits", ADR 0014). Every limited answer carries
 * {@code X-RateLimit-Limit}, {@code -Remaining} and {@code -Reset} (epoch seconds, the window's end); over the
 * limit the answer is 429 with {@code Retry-After} and the envelope's {@code details: {limit, resetAt}}. Health, the
 * key sets, the API docs, the list of sign-in providers and a sign-in's callback are not limited. When the counters
 * cannot be reached (Redis down) the request passes without the headers: a warning, and the metric
 * {@code platform.gateway.rate_limit.unavailable}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 8)
@EnableConfigurationProperties(RateLimitSettings.class)
class RateLimits implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);
    private static final Pattern CALLBACK = Pattern.compile("/api/v1/auth/[^/]+/callback");
    private static final Set<String> NOT_A_PROVIDER = Set.of("providers", "me", "sessions", "logout", "refresh");

    /** A bucket and its limit. */
    private record Bucket(String kind, String key, long limit) {
    }

    private final RateLimitSettings settings;
    private final EdgeTokens tokens;
    private final Counters counters;
    private final ClientAddress addresses;
    private final Clock clock;
    private final JsonMapper json;
    private final @Nullable MeterRegistry meters;
    private volatile long lastWarning;

    RateLimits(RateLimitSettings settings, EdgeTokens tokens, Counters counters,
               @Value("${spring.cloud.gateway.server.webflux.trusted-proxies:127\\.0\\.0\\.1|0:0:0:0:0:0:0:1}") String trustedProxies,
               ObjectProvider<Clock> clock, JsonMapper json, ObjectProvider<MeterRegistry> meters) {
        this.settings = settings;
        this.tokens = tokens;
        this.counters = counters;
        this.addresses = new ClientAddress(trustedProxies);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.json = json;
        this.meters = meters.getIfAvailable();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().value();
        if (!settings.enabled() || notLimited(path)) {
            return chain.filter(exchange);
        }
        Mono<Bucket> bucket = signIn(request.getMethod(), path)
                ? Mono.just(new Bucket("sign_in", "sign-in:" + addresses.of(request), settings.signIn()))
                : tokens.check(exchange).map(check -> check.kind() != EdgeTokens.Check.Kind.VALID
                        ? new Bucket("anonymous", "address:" + addresses.of(request), settings.anonymous())
                        : check.app() ? new Bucket("app", "app:" + check.token().getSubject(), settings.app())
                        : new Bucket("user", "user:" + check.token().getSubject(), settings.user()));
        return bucket.flatMap(limit -> count(exchange, chain, limit));
    }

    private Mono<Void> count(ServerWebExchange exchange, WebFilterChain chain, Bucket bucket) {
        long window = settings.window().toMillis();
        long now = clock.millis();
        long windowStart = now - Math.floorMod(now, window);
        long resetAt = (windowStart + window + 999) / 1000;
        return counters.increment(bucket.key(), windowStart, settings.window())
                .map(Optional::of)
                .onErrorResume(unavailable -> {
                    warn(unavailable);
                    return Mono.just(Optional.empty());
                })
                .flatMap(counted -> {
                    if (counted.isEmpty()) {
                        return chain.filter(exchange); // fail open
                    }
                    long count = counted.get();
                    long remaining = Math.max(0, bucket.limit() - count);
                    HttpHeaders headers = exchange.getResponse().getHeaders();
                    headers.set("X-RateLimit-Limit", Long.toString(bucket.limit()));
                    headers.set("X-RateLimit-Remaining", Long.toString(remaining));
                    headers.set("X-RateLimit-Reset", Long.toString(resetAt));
                    if (count <= bucket.limit()) {
                        return chain.filter(exchange);
                    }
                    if (meters != null) {
                        meters.counter("platform.gateway.rate_limited", "bucket", bucket.kind()).increment();
                    }
                    long retryAfter = Math.max(1, resetAt - now / 1000);
                    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
                    return EnvelopeResponses.write(exchange, 429, json.writeValueAsBytes(ApiError.of(
                            ErrorCode.RATE_LIMIT_EXCEEDED, "Too many requests: " + bucket.limit() + " per "
                                    + settings.window().toString().substring(2).toLowerCase(Locale.ROOT) + " in this bucket",
                            Map.of("limit", bucket.limit(), "resetAt", Instant.ofEpochSecond(resetAt).toString(),
                                    "bucket", bucket.kind()))));
                });
    }

    /** Health and the other operational endpoints, the key sets, the API docs; providers and callbacks of sign-ins. */
    static boolean notLimited(String path) {
        return path.startsWith("/actuator") || path.startsWith("/.well-known/") || path.equals("/api/v1/webhooks/keys")
                || path.equals("/docs") || path.startsWith("/docs/") || path.startsWith("/v3/api-docs")
                || path.equals("/api/v1/auth/providers")
                || CALLBACK.matcher(path).matches();
    }

    /** Starting a sign-in with a provider, dev login, refresh: the per-address bucket sized for a hall. */
    static boolean signIn(@Nullable HttpMethod method, String path) {
        if (HttpMethod.POST.equals(method)) {
            return path.equals("/api/v1/auth/dev/login") || path.equals("/api/v1/auth/refresh");
        }
        if (HttpMethod.GET.equals(method) && path.startsWith("/api/v1/auth/")) {
            String rest = path.substring("/api/v1/auth/".length());
            return !rest.isEmpty() && rest.indexOf('/') < 0 && !NOT_A_PROVIDER.contains(rest);
        }
        return false;
    }

    private void warn(Throwable unavailable) {
        if (meters != null) {
            meters.counter("platform.gateway.rate_limit.unavailable").increment();
        }
        long now = clock.millis();
        if (now - lastWarning > 10_000) {
            lastWarning = now;
            log.warn("Rate limit counters unavailable, requests pass unlimited: {}", unavailable.toString());
        }
    }
}
