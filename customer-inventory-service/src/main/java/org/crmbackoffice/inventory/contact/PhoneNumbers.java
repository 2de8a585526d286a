package org.crmbackoffice.inventory.contact;

import java.util.Locale;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads phone numbers as people write them ({@code 07700 900123},
 * {@code +44 (0)7700-900123}) and gives their E.164 form ({@code +447700900123}), the
 * form the inventory stores and compares, but never at the price of another number: a
 * stored contact detail must not silently become somebody else's.
 * <p>
 * A number with a {@code +} country prefix says its country itself. A national number is
 * read in the region its record names (the medium's own country, else the customer's
 * postal address) when it has a length that region allows; a record that names no region
 * leaves it to {@code crm.inventory.default-phone-region} ({@code GB} unless set), and
 * then only a number valid there is read, since a foreign number often has a length the
 * default region allows too. Any other number is kept exactly as given, and the
 * {@code phone-invalid} data-quality rule reports it.
 */
@Component
public class PhoneNumbers {

	private final PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();

	private final String defaultRegion;

	PhoneNumbers(@Value("${crm.inventory.default-phone-region:GB}") String defaultRegion) {
		String region = defaultRegion.trim().toUpperCase(Locale.ROOT);
		if (!this.numbers.getSupportedRegions().contains(region)) {
			throw new IllegalArgumentException(
					"crm.inventory.default-phone-region " + defaultRegion + " is no region with a numbering plan");
		}
		this.defaultRegion = region;
	}

	/**
	 * The number as the inventory stores it: in E.164 form where it reads confidently,
	 * otherwise exactly as given.
	 * @param region the ISO 3166 country the record names for the number, or {@code null}
	 * when it names none
	 */
	public String toStored(String number, String region) {
		if (number == null || number.isBlank()) {
			return number;
		}
		try {
			if (number.strip().startsWith("+")) {
				PhoneNumber parsed = this.numbers.parse(number, "ZZ");
				return (this.numbers.isPossibleNumberWithReason(parsed) == ValidationResult.IS_POSSIBLE) ? e164(parsed)
						: number;
			}
			if (region == null) {
				PhoneNumber parsed = this.numbers.parse(number, this.defaultRegion);
				return this.numbers.isValidNumberForRegion(parsed, this.defaultRegion) ? e164(parsed) : number;
			}
			String named = region.strip().toUpperCase(Locale.ROOT);
			if (!this.numbers.getSupportedRegions().contains(named)) {
				return number;
			}
			PhoneNumber parsed = this.numbers.parse(number, named);
			return (this.numbers.isPossibleNumberWithReason(parsed) == ValidationResult.IS_POSSIBLE) ? e164(parsed)
					: number;
		}
		catch (NumberParseException ex) {
			return number;
		}
	}

	/**
	 * A number a client searches for, in E.164 form as the default region reads it, or
	 * empty when it cannot be read as a phone number.
	 */
	public Optional<String> toE164(String number) {
		if (number == null || number.isBlank()) {
			return Optional.empty();
		}
		try {
			PhoneNumber parsed = this.numbers.parse(number, this.defaultRegion);
			// A number only dialable within its own area (IS_POSSIBLE_LOCAL_ONLY) cannot
			// be stored in E.164.
			if (this.numbers.isPossibleNumberWithReason(parsed) != ValidationResult.IS_POSSIBLE) {
				return Optional.empty();
			}
			return Optional.of(e164(parsed));
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Whether a stored number is in a range its country's numbering plan assigns. A
	 * number kept as given, without a country prefix, could not be read confidently and
	 * is not.
	 */
	public boolean isValid(String number) {
		if (number == null || !number.strip().startsWith("+")) {
			return false;
		}
		try {
			return this.numbers.isValidNumber(this.numbers.parse(number, "ZZ"));
		}
		catch (NumberParseException ex) {
			return false;
		}
	}

	/** The digits (and a leading {@code +}) of a stored number: what search compares. */
	public static String searchForm(String number) {
		return (number != null) ? number.replaceAll("[^+\\d]", "") : null;
	}

	public String defaultRegion() {
		return this.defaultRegion;
	}

	private String e164(PhoneNumber parsed) {
		return this.numbers.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
	}

}
