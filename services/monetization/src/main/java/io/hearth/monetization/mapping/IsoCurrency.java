package io.hearth.monetization.mapping;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Currency;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An upper-case ISO-4217 code of a currency that has minor units (EUR, CNY, JPY...); codes such as XXX or XAU, which
 * are not money counted in minor units, are refused. Null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = IsoCurrency.Validator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface IsoCurrency {
    String message() default "must be an upper-case ISO-4217 currency code, such as EUR or CNY";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IsoCurrency, String> {
        @Override
        public boolean isValid(String code, ConstraintValidatorContext context) {
            if (code == null) {
                return true;
            }
            if (!code.matches("[A-Z]{3}")) {
                return false;
            }
            try {
                return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
