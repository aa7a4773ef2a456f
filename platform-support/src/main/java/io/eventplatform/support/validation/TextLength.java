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

/**
 * Like {@code @Size} for text, counted in code points ({@link Text#length}): an emoji is one character. With
 * {@code min} ≥ 1 blank text is refused too.
 */
@Documented
@Constraint(validatedBy = TextLength.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface TextLength {

    int min() default 0;

    int max();

    /** The default says "must be {min} to {max} characters", or "must be at most {max} characters" when min is 0. */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null is valid (use {@code @NotNull} for required text). */
    final class Validator implements ConstraintValidator<TextLength, CharSequence> {

        private int min;
        private int max;
        private String message = "";

        @Override
        public void initialize(TextLength constraint) {
            this.min = constraint.min();
            this.max = constraint.max();
            this.message = !constraint.message().isEmpty() ? constraint.message()
                    : min > 0 ? "must be " + min + " to " + max + " characters" : "must be at most " + max + " characters";
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String text = value.toString();
            int length = Text.length(text);
            boolean valid = length >= min && length <= max && (min == 0 || !text.isBlank());
            if (!valid) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
            }
            return valid;
        }
    }
}
