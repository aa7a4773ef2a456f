package io.eventplatform.support.validation;

import io.eventplatform.contracts.api.ErrorCode;
import io.eventplatform.support.web.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what is wrong with a request body, field by field, and turns it into one 422 VALIDATION_ERROR whose
 * {@code details.fields} maps each JSON path (relative to the body) to its messages. A request body's own problems
 * start it ({@link io.eventplatform.support.body.Submitted#problems()}); the feature adds what only it can know.
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

    /** Whether something is already wrong at {@code path} (so a deeper check of that value would only add noise). */
    public boolean has(String path) {
        return byPath.containsKey(path);
    }

    /** @throws ApiException 422 VALIDATION_ERROR when anything was recorded */
    public void throwIfAny() {
        if (!byPath.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "The request has invalid values", Map.of("fields", byPath));
        }
    }
}
