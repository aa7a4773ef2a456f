package io.eventplatform.support.validation;

import java.math.BigDecimal;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The limits on free-form JSON a client stores with us ({@code metadata}, {@code appSettings}): at most
 * {@value #MAX_DEPTH} levels of nesting, and only numbers every client can read back as they were sent — integers
 * within ±(2^53 − 1) and finite decimals (what a JavaScript number holds).
 */
public final class FreeFormJson {

    public static final int MAX_DEPTH = 32;
    private static final BigDecimal MAX_SAFE_INTEGER = BigDecimal.valueOf((1L << 53) - 1);

    private FreeFormJson() {
    }

    /** Why the value cannot be stored, or empty when it can. */
    public static Optional<String> problem(JsonNode value) {
        return problem(value, 1);
    }

    private static Optional<String> problem(JsonNode value, int depth) {
        if (depth > MAX_DEPTH) {
            return Optional.of("must not be nested more than " + MAX_DEPTH + " levels deep");
        }
        if (value.isNumber()) {
            return number(value);
        }
        if (value.isContainer()) {
            for (JsonNode child : value.values()) {
                Optional<String> problem = problem(child, depth + 1);
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> number(JsonNode value) {
        if (value.isDouble() || value.isFloat()) {
            double number = value.doubleValue();
            return Double.isFinite(number) ? Optional.empty() : Optional.of("contains a number out of range");
        }
        BigDecimal number = value.decimalValue();
        if (value.isIntegralNumber() ? number.abs().compareTo(MAX_SAFE_INTEGER) > 0
                : !Double.isFinite(number.doubleValue())) {
            return Optional.of("contains a number out of range");
        }
        return Optional.empty();
    }
}
