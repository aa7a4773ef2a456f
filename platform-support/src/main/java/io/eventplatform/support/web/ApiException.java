package io.eventplatform.support.web;

import io.eventplatform.contracts.api.ErrorCode;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by application code to answer with a specific error of the REST contract; the handler turns it into
 * the error envelope with the code's status.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final @Nullable Map<String, Object> details;
    private final @Nullable Duration retryAfter;

    public ApiException(ErrorCode code, String message, @Nullable Map<String, Object> details) {
        this(code, message, details, null);
    }

    private ApiException(ErrorCode code, String message, @Nullable Map<String, Object> details, @Nullable Duration retryAfter) {
        super(message);
        this.code = code;
        this.details = details;
        this.retryAfter = retryAfter;
    }

    /**
     * 429 RATE_LIMIT_EXCEEDED: the answer carries {@code Retry-After} (whole seconds, at least 1) and
     * {@code details.retryAfterSeconds}, the same number.
     */
    public static ApiException tooManyRequests(String message, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new ApiException(ErrorCode.RATE_LIMIT_EXCEEDED, message, Map.of("retryAfterSeconds", seconds),
                Duration.ofSeconds(seconds));
    }

    public ApiException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public ErrorCode code() {
        return code;
    }

    public @Nullable Map<String, Object> details() {
        return details;
    }

    /** How long the client should wait before trying again; null when waiting would not help. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
