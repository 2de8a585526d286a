package org.crmbackoffice.model.common;

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
 * A {@link TimePeriod} that does not end before it starts; the problem points at its
 * {@code endDateTime}.
 */
@Documented
@Constraint(validatedBy = PeriodInOrder.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PeriodInOrder {

	String message() default "must not be before startDateTime";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Compares the two instants, whatever their offsets. */
	class Validator implements ConstraintValidator<PeriodInOrder, TimePeriod> {

		@Override
		public boolean isValid(TimePeriod period, ConstraintValidatorContext context) {
			if (period == null || period.startDateTime() == null || period.endDateTime() == null
					|| !period.endDateTime().isBefore(period.startDateTime())) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
				.addPropertyNode("endDateTime")
				.addConstraintViolation();
			return false;
		}

	}

}
