package io.eventplatform.support.validation;

import io.eventplatform.support.body.Patch;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A merge-patch property that may be changed but not cleared: absent or a value, never {@code null}. */
@Documented
@Constraint(validatedBy = NotCleared.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface NotCleared {

    String message() default "cannot be null";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<NotCleared, Patch<?>> {

        @Override
        public boolean isValid(Patch<?> value, ConstraintValidatorContext context) {
            return value == null || !value.isCleared();
        }
    }
}
