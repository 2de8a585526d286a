package org.crmbackoffice.model.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A way to reach a party (TMF v5 ContactMedium). The medium type names which of the address attributes apply:
 * {@code email} uses {@code emailAddress}, {@code phone} and {@code mobile} use {@code phoneNumber},
 * {@code postalAddress} uses the street, city, postcode and country (ISO 3166-1 alpha-2) attributes.
 */
public record ContactMedium(@NotBlank @Size(max = 50) String mediumType, @Size(max = 50) String contactType,
		Boolean preferred, @Valid TimePeriod validFor,
		@Email(regexp = EMAIL_WITH_DOMAIN, message = "must be an email address with a domain such as example.org")
		@Size(max = 254) String emailAddress,
		@Size(max = 32) String phoneNumber, @Size(max = 200) String street1, @Size(max = 200) String street2,
		@Size(max = 100) String city, @Size(max = 20) String postCode, @Size(max = 100) String stateOrProvince,
		@CountryCode String country) {

	public static final String EMAIL = "email";

	/** Bean Validation's own check takes {@code ada@localhost}; a customer's address needs a real domain. */
	static final String EMAIL_WITH_DOMAIN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

	public static final String PHONE = "phone";

	public static final String MOBILE = "mobile";

	public static final String POSTAL_ADDRESS = "postalAddress";

	public static ContactMedium email(String address) {
		return new ContactMedium(EMAIL, null, true, null, address, null, null, null, null, null, null, null);
	}

	public ContactMedium withPhoneNumber(String number) {
		return new ContactMedium(this.mediumType, this.contactType, this.preferred, this.validFor, this.emailAddress,
				number, this.street1, this.street2, this.city, this.postCode, this.stateOrProvince, this.country);
	}

	/** The TMF v5 polymorphic type name derived from the medium type. */
	@JsonProperty("@type")
	public String type() {
		return switch (this.mediumType == null ? "" : this.mediumType) {
			case EMAIL -> "EmailContactMedium";
			case PHONE, MOBILE -> "PhoneContactMedium";
			case POSTAL_ADDRESS -> "GeographicAddressContactMedium";
			default -> "ContactMedium";
		};
	}

	@JsonIgnore
	@AssertTrue(message = "an email contact medium needs an emailAddress, a phone one a phoneNumber, a postal one a city")
	public boolean isAddressPresent() {
		if (this.mediumType == null) {
			return true;
		}
		return switch (this.mediumType) {
			case EMAIL -> this.emailAddress != null && !this.emailAddress.isBlank();
			case PHONE, MOBILE -> this.phoneNumber != null && !this.phoneNumber.isBlank();
			case POSTAL_ADDRESS -> this.city != null && !this.city.isBlank();
			default -> true;
		};
	}

}
