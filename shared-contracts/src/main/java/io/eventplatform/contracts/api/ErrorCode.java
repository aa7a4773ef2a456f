package io.eventplatform.contracts.api;

/**
 * The stable, machine-readable error codes of the REST API (docs/api.md "Envelope") with their HTTP status.
 */
public enum ErrorCode {
    BAD_REQUEST(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    APP_PERMISSION_DENIED(403),
    REMOVED_FROM_ROOM(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    REQUEST_TIMEOUT(408),
    CONFLICT(409),
    ALREADY_PARTICIPANT(409),
    ROOM_NOT_ACTIVE(409),
    PARTICIPANT_NOT_ELIGIBLE(409),
    LAST_ORGANIZER(409),
    INVALID_STATUS_TRANSITION(409),
    PRIZE_EXHAUSTED(409),
    NO_ELIGIBLE_PARTICIPANTS(409),
    PRIZE_HAS_WINNERS(409),
    USER_HAS_ROOMS(409),
    APP_HAS_ROOMS(409),
    MANIFEST_VERSION_NOT_NEWER(409),
    PAYLOAD_TOO_LARGE(413),
    URI_TOO_LONG(414),
    UNSUPPORTED_MEDIA_TYPE(415),
    VALIDATION_ERROR(422),
    IDEMPOTENCY_KEY_REUSED(422),
    RATE_LIMIT_EXCEEDED(429),
    HEADERS_TOO_LARGE(431),
    INTERNAL_ERROR(500),
    SERVICE_UNAVAILABLE(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The generic code for an HTTP status that no more specific code explains. */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 408 -> REQUEST_TIMEOUT;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> VALIDATION_ERROR;
            case 429 -> RATE_LIMIT_EXCEEDED;
            case 431 -> HEADERS_TOO_LARGE;
            case 502, 503, 504 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
        };
    }

    /** The message a client sees when nothing more specific is known. */
    public String defaultMessage() {
        return switch (this) {
            case BAD_REQUEST -> "The request cannot be read";
            case UNAUTHORIZED -> "Authentication is required";
            case FORBIDDEN -> "You are not allowed to do this";
            case NOT_FOUND -> "No such resource";
            case METHOD_NOT_ALLOWED -> "This method is not allowed here";
            case NOT_ACCEPTABLE -> "This resource is only available as application/json";
            case REQUEST_TIMEOUT -> "The request did not arrive in time";
            case PAYLOAD_TOO_LARGE -> "The request body is too large";
            case URI_TOO_LONG -> "The request's URL is too long";
            case HEADERS_TOO_LARGE -> "The request's headers are too large";
            case UNSUPPORTED_MEDIA_TYPE -> "The request body must be application/json";
            case VALIDATION_ERROR -> "The request has invalid values";
            case RATE_LIMIT_EXCEEDED -> "Too many requests";
            case SERVICE_UNAVAILABLE -> "The service is temporarily unavailable";
            case INTERNAL_ERROR -> "An unexpected error occurred";
            default -> "The request conflicts with the current state";
        };
    }
}
