package io.eventplatform.support.web;

import io.eventplatform.contracts.api.ErrorCode;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by application code to answer with a specific error of the REST contract; the handler turns it into
 * the error envelope with the code's status.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final @Nullable Map<String, Object> details;

    public ApiException(ErrorCode code, String message, @Nullable Map<String, Object> details) {
        super(message);
        this.code = code;
        this.details = details;
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
}
