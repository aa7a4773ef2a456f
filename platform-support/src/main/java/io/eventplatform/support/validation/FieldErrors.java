package io.eventplatform.support.validation;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.support.web.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Collects what is wrong with a request body, field by field, and turns it into one 422 VALIDATION_ERROR whose
 * {@code details.fields} maps each JSON path (relative to the body) to its messages. Readers of typed values
 * return {@code null} and record an error when the value has the wrong type.
 */
public final class FieldErrors {

    private final Map<String, List<String>> byPath = new LinkedHashMap<>();

    public FieldErrors add(String path, String message) {
        byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(message);
        return this;
    }

    public boolean isEmpty() {
        return byPath.isEmpty();
    }

    /** @throws ApiException 422 VALIDATION_ERROR when anything was recorded */
    public void throwIfAny() {
        if (!byPath.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "The request has invalid values", Map.of("fields", byPath));
        }
    }

    /** The body must be a JSON object with no field outside {@code allowed}; false if it is not an object. */
    public boolean onlyFields(JsonNode body, Set<String> allowed) {
        if (!body.isObject()) {
            add("", "must be a JSON object");
            return false;
        }
        for (String field : body.propertyNames()) {
            if (!allowed.contains(field)) {
                add(field, "cannot be set");
            }
        }
        return true;
    }

    /**
     * A string of {@code min}–{@code max} characters (code points; not blank when min ≥ 1); null if absent or
     * JSON null.
     */
    public @Nullable String text(JsonNode body, String field, int min, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            add(field, "must be a string");
            return null;
        }
        String text = value.asString();
        int length = Text.length(text);
        if (length < min || length > max || (min > 0 && text.isBlank())) {
            add(field, min > 0 ? "must be " + min + " to " + max + " characters" : "must be at most " + max + " characters");
            return null;
        }
        return text;
    }

    /** Like {@link #text} and present and non-null. */
    public @Nullable String requiredText(JsonNode body, String field, int min, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            add(field, "is required");
            return null;
        }
        return text(body, field, min, max);
    }

    /** An absolute http(s) URL of at most 2048 characters; null if absent or JSON null. */
    public @Nullable String httpUrl(JsonNode body, String field) {
        String text = text(body, field, 1, 2048);
        if (text != null && !isHttpUrl(text)) {
            add(field, "must be an http(s) URL of at most 2048 characters");
            return null;
        }
        return text;
    }

    /** An integer in [min, max]; null if absent or JSON null. */
    public @Nullable Integer integer(JsonNode body, String field, int min, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            add(field, "must be an integer from " + min + " to " + max);
            return null;
        }
        return value.asInt();
    }

    public static boolean isHttpUrl(String value) {
        if (value.length() > 2048) {
            return false;
        }
        try {
            java.net.URI uri = java.net.URI.create(value);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public @Nullable Boolean bool(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            add(field, "must be true or false");
            return null;
        }
        return value.asBoolean();
    }

    /** A JSON object of at most {@code maxBytes} in its compact form; null if absent or JSON null. */
    public @Nullable JsonNode object(JsonNode body, String field, int maxBytes) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            add(field, "must be a JSON object");
            return null;
        }
        if (value.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > maxBytes) {
            add(field, "must be at most " + maxBytes / 1024 + " KiB");
            return null;
        }
        java.util.Optional<String> problem = FreeFormJson.problem(value);
        if (problem.isPresent()) {
            add(field, problem.get());
            return null;
        }
        return value;
    }
}
