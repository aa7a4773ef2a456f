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

/** Like {@code @Size} for text, counted in code points ({@link Text#length}): an emoji is one character. */
@Documented
@Constraint(validatedBy = TextLength.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface TextLength {

    int min() default 0;

    int max();

    String message() default "must be {min} to {max} characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null is valid (use {@code @NotNull} for required text). */
    final class Validator implements ConstraintValidator<TextLength, CharSequence> {

        private int min;
        private int max;

        @Override
        public void initialize(TextLength constraint) {
            this.min = constraint.min();
            this.max = constraint.max();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            int length = Text.length(value.toString());
            return length >= min && length <= max;
        }
    }
}
