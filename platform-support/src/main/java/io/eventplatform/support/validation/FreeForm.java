package io.eventplatform.support.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Free-form JSON a client stores with us ({@code metadata}, {@code appSettings}): at most {@code maxBytes} in its
 * compact form and within {@link FreeFormJson}'s nesting and number limits; null is valid.
 */
@Documented
@Constraint(validatedBy = FreeForm.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeForm {

    int maxBytes() default Integer.MAX_VALUE;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<FreeForm, JsonNode> {

        private int maxBytes;

        @Override
        public void initialize(FreeForm constraint) {
            this.maxBytes = constraint.maxBytes();
        }

        @Override
        public boolean isValid(JsonNode value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            Optional<String> problem = value.toString().getBytes(StandardCharsets.UTF_8).length > maxBytes
                    ? Optional.of("must be at most " + maxBytes / 1024 + " KiB")
                    : FreeFormJson.problem(value);
            problem.ifPresent(message -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(message.replace("{", "\\{")).addConstraintViolation();
            });
            return problem.isEmpty();
        }
    }
}
