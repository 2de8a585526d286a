package org.crmbackoffice.model.common;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A way to reach a party (TMF v5 {@code ContactMedium}), polymorphic by {@code @type}:
 * {@code EmailContactMedium} ({@code emailAddress}), {@code PhoneContactMedium}
 * ({@code phoneNumber}), {@code FaxContactMedium} ({@code faxNumber}),
 * {@code SocialContactMedium} ({@code socialNetworkId}) and
 * {@code GeographicAddressContactMedium} (street, city, post code, state or province,
 * country). The v4-era {@code mediumType} ({@code email}, {@code phone}, {@code mobile},
 * {@code fax}, {@code social}, {@code postalAddress}) is kept beside it as an extension:
 * either one is enough, the other is derived.
 *
 * @param country the country of a postal address as the client wrote it; an ISO 3166-1
 * alpha-2 code is expected and anything else is reported by the {@code country-invalid}
 * data-quality rule rather than refused
 */
public record ContactMedium(@JsonProperty("@type") @Size(max = 100) String type, @Size(max = 100) String id,
		@NotBlank(message = "must be given, or implied by @type") @Size(max = 50) String mediumType,
		@Size(max = 50) String contactType, Boolean preferred, @Valid TimePeriod validFor,
		@Email(regexp = EMAIL_WITH_DOMAIN,
				message = "must be an email address with a domain such as example.org") @Size(
						max = 254) String emailAddress,
		@Size(max = 32) String phoneNumber, @Size(max = 32) String faxNumber, @Size(max = 200) String socialNetworkId,
		@Size(max = 200) String street1, @Size(max = 200) String street2, @Size(max = 100) String city,
		@Size(max = 20) String postCode, @Size(max = 100) String stateOrProvince, @Size(max = 100) String country) {

	public static final String EMAIL = "email";

	/**
	 * Bean Validation's own check takes {@code ada@localhost}; a customer's address needs
	 * a real domain.
	 */
	static final String EMAIL_WITH_DOMAIN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

	public static final String PHONE = "phone";

	public static final String MOBILE = "mobile";

	public static final String FAX = "fax";

	public static final String SOCIAL = "social";

	public static final String POSTAL_ADDRESS = "postalAddress";

	public static final String OTHER = "other";

	private static final Map<String, String> MEDIUM_OF_TYPE = Map.of("EmailContactMedium", EMAIL, "PhoneContactMedium",
			PHONE, "FaxContactMedium", FAX, "SocialContactMedium", SOCIAL, "GeographicAddressContactMedium",
			POSTAL_ADDRESS, "ContactMedium", OTHER);

	public ContactMedium {
		if (mediumType == null && type != null) {
			mediumType = MEDIUM_OF_TYPE.get(type);
		}
		if (type == null && mediumType != null) {
			type = typeOf(mediumType);
		}
	}

	/** A medium in the v4-era shape, its {@code @type} derived from its medium type. */
	public ContactMedium(String mediumType, String contactType, Boolean preferred, TimePeriod validFor,
			String emailAddress, String phoneNumber, String street1, String street2, String city, String postCode,
			String stateOrProvince, String country) {
		this(null, null, mediumType, contactType, preferred, validFor, emailAddress, phoneNumber, null, null, street1,
				street2, city, postCode, stateOrProvince, country);
	}

	public static ContactMedium email(String address) {
		return new ContactMedium(EMAIL, null, true, null, address, null, null, null, null, null, null, null);
	}

	public ContactMedium withPhoneNumber(String number) {
		return new ContactMedium(this.type, this.id, this.mediumType, this.contactType, this.preferred, this.validFor,
				this.emailAddress, number, this.faxNumber, this.socialNetworkId, this.street1, this.street2, this.city,
				this.postCode, this.stateOrProvince, this.country);
	}

	/** The TMF v5 polymorphic type of a medium type. */
	public static String typeOf(String mediumType) {
		return switch (mediumType) {
			case EMAIL -> "EmailContactMedium";
			case PHONE, MOBILE -> "PhoneContactMedium";
			case FAX -> "FaxContactMedium";
			case SOCIAL -> "SocialContactMedium";
			case POSTAL_ADDRESS -> "GeographicAddressContactMedium";
			default -> "ContactMedium";
		};
	}

	@JsonIgnore
	@AssertTrue(message = "an email contact medium needs an emailAddress, a phone one a phoneNumber, a fax one a "
			+ "faxNumber, a social one a socialNetworkId, a postal one a city")
	public boolean isAddressPresent() {
		if (this.mediumType == null) {
			return true;
		}
		return switch (this.mediumType) {
			case EMAIL -> present(this.emailAddress);
			case PHONE, MOBILE -> present(this.phoneNumber);
			case FAX -> present(this.faxNumber);
			case SOCIAL -> present(this.socialNetworkId);
			case POSTAL_ADDRESS -> present(this.city);
			default -> true;
		};
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
