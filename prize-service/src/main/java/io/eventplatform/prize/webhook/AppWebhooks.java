package io.eventplatform.prize.webhook;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Calls an app's webhook: {@code POST} of a JSON body signed with the platform's key, to the app's registered
 * address only ({@link OutboundAddresses}), no redirects followed, within the time limit, at most one retry and only
 * when the connection could not be made, behind the app's own circuit breaker. Every call ends in an
 * {@link Outcome}, never an exception: the caller decides what a failure means (a draw falls back to its own choice).
 * Metrics: {@code platform.webhooks.calls} (a timer with a latency histogram, by app and outcome) and the circuit
 * breakers' states ({@code resilience4j.circuitbreaker.state}, by app).
 */
@Component
public class AppWebhooks {

    /** Why a call gave no usable answer; recorded on what the caller stores (a draw's {@code fallbackReason}). */
    public static final String TIMEOUT = "timeout";
    public static final String ERROR = "error";
    public static final String INVALID_RESPONSE = "invalid_response";
    public static final String CIRCUIT_OPEN = "circuit_open";
    public static final String ADDRESS_REFUSED = "address_refused";

    private static final Logger log = LoggerFactory.getLogger(AppWebhooks.class);

    /** What came of a call. */
    public sealed interface Outcome<T> {
    }

    /** The app answered 2xx with something {@code read} accepted. */
    public record Answered<T>(T answer) implements Outcome<T> {
    }

    /** No usable answer, and why (one of this class's reasons). */
    public record Failed<T>(String reason) implements Outcome<T> {
    }

    /** Thrown by the caller's reader: the answer does not say what it must. */
    public static final class InvalidAnswer extends RuntimeException {
        public InvalidAnswer(String message) {
            super(message);
        }
    }

    private final WebhookSettings settings;
    private final SigningKeys keys;
    private final OutboundAddresses addresses;
    private final HttpClient http;
    private final CircuitBreakerRegistry breakers;
    private final RetryConfig retries;
    private final TimeLimiter timeLimiter;
    private final @Nullable MeterRegistry meters;

    AppWebhooks(WebhookSettings settings, SigningKeys keys, ObjectProvider<MeterRegistry> meters) {
        this.settings = settings;
        this.keys = keys;
        this.addresses = new OutboundAddresses(settings.allowPrivateAddresses());
        Duration connect = settings.timeout().compareTo(Duration.ofSeconds(1)) < 0 ? settings.timeout() : Duration.ofSeconds(1);
        this.http = HttpClient.newBuilder().connectTimeout(connect).followRedirects(HttpClient.Redirect.NEVER).build();
        WebhookSettings.Circuit circuit = settings.circuit();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(circuit.window()).minimumNumberOfCalls(circuit.minimumCalls())
                .failureRateThreshold(circuit.failureRate()).waitDurationInOpenState(circuit.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        this.retries = RetryConfig.custom().maxAttempts(2).waitDuration(Duration.ofMillis(100))
                .retryOnException(AppWebhooks::couldNotConnect).build();
        this.timeLimiter = TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(settings.timeout())
                .cancelRunningFuture(true).build());
        this.meters = meters.getIfAvailable();
        if (this.meters != null) {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(this.meters);
        }
    }

    /**
     * {@code POST url} with {@code body}, signed; {@code read} turns a 2xx answer's bytes into what the caller needs
     * or throws {@link InvalidAnswer}.
     */
    public <T> Outcome<T> call(String appId, URI url, String requestId, byte[] body, Function<byte[], T> read) {
        Optional<String> refused = addresses.refusal(url);
        if (refused.isPresent()) {
            log.warn("Webhook of app {} not called: {}", appId, refused.get());
            return failed(appId, ADDRESS_REFUSED, 0);
        }
        CircuitBreaker breaker = breakers.circuitBreaker(appId);
        if (!breaker.tryAcquirePermission()) {
            return failed(appId, CIRCUIT_OPEN, 0);
        }
        long start = System.nanoTime();
        try {
            byte[] answer = Retry.of(appId, retries).executeCallable(() -> send(url, requestId, body));
            T value = read.apply(answer);
            long took = System.nanoTime() - start;
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
            record(appId, "ok", took);
            return new Answered<>(value);
        } catch (Exception failure) {
            long took = System.nanoTime() - start;
            breaker.onError(took, TimeUnit.NANOSECONDS, failure);
            String reason = reasonOf(failure);
            log.warn("Webhook {} of app {} failed ({}): {}", requestId, appId, reason, failure.toString());
            return failed(appId, reason, took);
        }
    }

    private byte[] send(URI url, String requestId, byte[] body) throws Exception {
        SigningKeys.Signed signed = keys.sign(body);
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "event-platform-webhooks/1")
                .header("X-Request-Id", requestId)
                .header("X-Platform-Timestamp", Long.toString(signed.timestamp()))
                .header("X-Platform-Key-Id", signed.keyId())
                .header("X-Platform-Signature", signed.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response = timeLimiter.executeFutureSupplier(
                () -> http.sendAsync(request, LimitedBody.upTo(settings.maxAnswerBytes())));
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the app answered " + response.statusCode());
        }
        return response.body();
    }

    private <T> Failed<T> failed(String appId, String reason, long nanos) {
        record(appId, reason, nanos);
        return new Failed<>(reason);
    }

    private void record(String appId, String outcome, long nanos) {
        if (meters != null) {
            Timer.builder("platform.webhooks.calls").description("Calls of apps' webhooks, by app and outcome")
                    .tag("app", appId).tag("outcome", outcome).publishPercentileHistogram()
                    .register(meters).record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * What a failed call is reported as. The time limit ends a call twice over, whichever comes first: the time
     * limiter ({@link TimeoutException}) or the request's own timeout ({@link HttpTimeoutException}); both are
     * {@code timeout}. Not connecting within the connect timeout is an {@code error}, like a refused connection.
     */
    static String reasonOf(Throwable failure) {
        if (failure instanceof TimeoutException
                || failure instanceof HttpTimeoutException && !(failure instanceof HttpConnectTimeoutException)) {
            return TIMEOUT;
        }
        return failure instanceof InvalidAnswer || failure instanceof LimitedBody.TooLarge ? INVALID_RESPONSE : ERROR;
    }

    private static boolean couldNotConnect(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
