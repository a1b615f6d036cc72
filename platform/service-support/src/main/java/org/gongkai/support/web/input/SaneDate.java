package org.gongkai.support.web.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date outside JSON (a query or path parameter) lies within {@link SaneDates}' years; JSON dates are checked by
 * {@link StrictJsonModule} already.
 */
@Documented
@Constraint(validatedBy = SaneDate.Validator.class)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface SaneDate {

    String message() default SaneDates.RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SaneDate, Object> {

        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            return value == null || SaneDates.isSane(value);
        }
    }
}
