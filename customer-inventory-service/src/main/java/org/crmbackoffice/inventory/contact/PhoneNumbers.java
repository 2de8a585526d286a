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
 * Reads phone numbers as people write them ({@code 07700 900123}, {@code +44 (0)7700-900123}) and gives their
 * E.164 form ({@code +447700900123}), the one form the inventory stores and compares. A number without a
 * {@code +} country prefix belongs to the default region, {@code crm.inventory.default-phone-region} (an ISO
 * 3166 country code, {@code GB} unless set).
 * <p>
 * A number is accepted when it can be read and has a length its country allows for a number dialled from
 * anywhere in it. Whether its range is actually assigned is left to data-quality audits, because numbering plans
 * change more often than this service's copy of them.
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

	/** The number in E.164 form, or empty when it cannot be read as a phone number. */
	public Optional<String> toE164(String number) {
		if (number == null || number.isBlank()) {
			return Optional.empty();
		}
		try {
			PhoneNumber parsed = this.numbers.parse(number, this.defaultRegion);
			// A number only dialable within its own area (IS_POSSIBLE_LOCAL_ONLY) cannot be stored in E.164.
			if (this.numbers.isPossibleNumberWithReason(parsed) != ValidationResult.IS_POSSIBLE) {
				return Optional.empty();
			}
			return Optional.of(this.numbers.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Whether the number is in a range its country's numbering plan assigns, strictly: stricter than what
	 * {@link #toE164} accepts, so a data-quality finding rather than a reason to refuse a record.
	 */
	public boolean isValid(String number) {
		if (number == null || number.isBlank()) {
			return false;
		}
		try {
			return this.numbers.isValidNumber(this.numbers.parse(number, this.defaultRegion));
		}
		catch (NumberParseException ex) {
			return false;
		}
	}

	public String defaultRegion() {
		return this.defaultRegion;
	}

}
