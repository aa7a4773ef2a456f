package io.eventplatform.contracts.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The error envelope every service and the gateway answer with:
 * {@code {"error": {"code": "NOT_FOUND", "message": "…", "details": {…}}}}.
 */
public record ApiError(Body error) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(String code, String message, @Nullable Map<String, Object> details) {
    }

    public static ApiError of(ErrorCode code, String message, @Nullable Map<String, Object> details) {
        return new ApiError(new Body(code.name(), message, details));
    }

    public static ApiError of(ErrorCode code, String message) {
        return of(code, message, null);
    }

    public static ApiError of(ErrorCode code) {
        return of(code, code.defaultMessage(), null);
    }
}
