package org.crmbackoffice.model.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An ISO 3166-1 alpha-2 country code in upper case, e.g. {@code GB}; {@code null} is left
 * to other checks.
 */
@Documented
@Constraint(validatedBy = CountryCode.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
		ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface CountryCode {

	String message() default "must be an ISO 3166-1 alpha-2 country code such as GB or FR";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks against the JDK's list of ISO 3166 countries. */
	class Validator implements ConstraintValidator<CountryCode, String> {

		private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || CODES.contains(value);
		}

	}

}
