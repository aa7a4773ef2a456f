package io.eventplatform.support.web;

import io.eventplatform.contracts.api.ApiError;
import io.eventplatform.contracts.api.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every exception that reaches Spring MVC into the error envelope of docs/api.md: the framework's own
 * (unknown route, wrong method or media type, unreadable body, bean validation), {@link ApiException}s thrown by
 * features, and anything unexpected, which becomes a generic 500 whose details stay in the log.
 */
@RestControllerAdvice
final class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> handleApiException(ApiException ex) {
        HttpHeaders headers = new HttpHeaders();
        if (ex.retryAfter() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfter().toSeconds()));
        }
        return envelope(ex.code(), ex.getMessage(), ex.details(), headers);
    }

    /** A query string Tomcat cannot decode (bad percent-encoding, not UTF-8): the client's fault, not ours. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> handleUndecodableQuery(InvalidParameterException ex) {
        return envelope(ErrorCode.BAD_REQUEST, "The query string is not valid percent-encoded UTF-8", null, new HttpHeaders());
    }

    /**
     * Every database connection stayed busy for the pool's whole wait (spring.datasource.hikari.connection-timeout):
     * the service is overloaded or its database is away. Not a bug in the request: 503 with Retry-After, so a
     * client tries again instead of reporting an internal error.
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class})
    ResponseEntity<Object> handleNoConnection(Exception ex) {
        log.warn("No database connection within the pool's wait: {}", ex.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return envelope(ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE.defaultMessage(), null, headers);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        Object requestId = request.getAttribute(RequestIdFilter.MDC_KEY, WebRequest.SCOPE_REQUEST);
        log.error("Unhandled exception", ex);
        return envelope(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.defaultMessage(),
                requestId == null ? null : Map.of("requestId", requestId), new HttpHeaders());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            fields.computeIfAbsent(error.getField(), f -> new ArrayList<>()).add(String.valueOf(error.getDefaultMessage()));
        }
        return validationError(fields, headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimitFilter.PayloadTooLargeException) {
                return envelope(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than 256 KiB", null, headers);
            }
        }
        // Well-formed JSON whose values don't fit the expected types is a validation error at that field;
        // anything that is not JSON at all is a 400.
        if (ex.getCause() instanceof DatabindException bind
                && !bind.getPath().isEmpty()) {
            return validationError(Map.of(path(bind.getPath()), List.of("has an invalid value")), headers);
        }
        return envelope(ErrorCode.BAD_REQUEST, "The request body is not valid JSON", null, headers);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ErrorCode code = ErrorCode.forStatus(statusCode.value());
        if (statusCode.is5xxServerError()) {
            log.error("Request failed", ex);
        }
        return envelope(code, code.defaultMessage(), null, headers);
    }

    private ResponseEntity<Object> validationError(Map<String, List<String>> fields, HttpHeaders headers) {
        return envelope(ErrorCode.VALIDATION_ERROR, ErrorCode.VALIDATION_ERROR.defaultMessage(),
                Map.of("fields", fields), headers);
    }

    static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static ResponseEntity<Object> envelope(ErrorCode code, String message, @Nullable Map<String, Object> details,
            HttpHeaders headers) {
        HttpHeaders responseHeaders = new HttpHeaders();
        responseHeaders.addAll(headers);
        responseHeaders.setContentType(MediaType.APPLICATION_JSON);
        return ResponseEntity.status(code.status()).headers(responseHeaders).body(ApiError.of(code, message, details));
    }
}
