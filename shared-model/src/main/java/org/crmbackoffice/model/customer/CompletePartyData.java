package org.crmbackoffice.model.customer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The party data an {@link EngagedParty} needs for its kind: an individual its given and
 * family name and no trading name, an organization its trading name and no personal names
 * or birth date, a reference the party's id and no party data at all. Each problem names
 * its field.
 */
@Documented
@Constraint(validatedBy = CompletePartyData.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface CompletePartyData {

	String message() default "incomplete party data";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Reports each missing or misplaced attribute on the attribute itself. */
	class Validator implements ConstraintValidator<CompletePartyData, EngagedParty> {

		@Override
		public boolean isValid(EngagedParty party, ConstraintValidatorContext context) {
			if (party == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			boolean valid = true;
			if (party.isReference()) {
				valid &= required(party.id(), "id", "a PartyRef needs the id of the party", context);
				for (String field : List.of("givenName", "middleName", "familyName", "tradingName",
						"organizationType")) {
					valid &= absent(fieldOf(party, field), field,
							"a PartyRef carries no party data; create the party's data where it is held", context);
				}
				valid &= absent(party.birthDate(), "birthDate",
						"a PartyRef carries no party data; create the party's data where it is held", context);
				valid &= party.identification().isEmpty() || absent(party.identification(), "identification",
						"a PartyRef carries no party data; create the party's data where it is held", context);
			}
			else if (party.isIndividual()) {
				valid &= required(party.givenName(), "givenName", "an individual needs a givenName", context);
				valid &= required(party.familyName(), "familyName", "an individual needs a familyName", context);
				valid &= absent(party.tradingName(), "tradingName", "only an organization has a tradingName", context);
				valid &= absent(party.organizationType(), "organizationType",
						"only an organization has an organizationType", context);
			}
			else if (party.isOrganization()) {
				valid &= required(party.tradingName(), "tradingName", "an organization needs a tradingName", context);
				valid &= absent(party.givenName(), "givenName", "only an individual has a givenName", context);
				valid &= absent(party.familyName(), "familyName", "only an individual has a familyName", context);
				valid &= absent(party.birthDate(), "birthDate", "only an individual has a birthDate", context);
			}
			return valid;
		}

		private static String fieldOf(EngagedParty party, String field) {
			return switch (field) {
				case "givenName" -> party.givenName();
				case "middleName" -> party.middleName();
				case "familyName" -> party.familyName();
				case "tradingName" -> party.tradingName();
				default -> party.organizationType();
			};
		}

		private static boolean required(String value, String field, String message,
				ConstraintValidatorContext context) {
			if (value != null && !value.isBlank()) {
				return true;
			}
			context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
			return false;
		}

		private static boolean absent(Object value, String field, String message, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
			return false;
		}

	}

}
