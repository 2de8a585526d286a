package org.crmbackoffice.inventory.customer;

import java.util.Locale;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import org.crmbackoffice.inventory.contact.PhoneNumbers;
import org.crmbackoffice.inventory.contact.SearchText;
import org.crmbackoffice.model.common.ContactMedium;

/**
 * One contact medium of a customer, as stored, with its email address and phone number as
 * search compares them.
 */
@Embeddable
record ContactMediumValue(@Column(name = "medium_type") String mediumType,
		@Column(name = "contact_type") String contactType, @Column(name = "preferred") boolean preferred,
		@Embedded Period validFor, @Column(name = "email_address") String emailAddress,
		@Column(name = "phone_number") String phoneNumber, @Column(name = "street1") String street1,
		@Column(name = "street2") String street2, @Column(name = "city") String city,
		@Column(name = "post_code") String postCode, @Column(name = "state_or_province") String stateOrProvince,
		@Column(name = "country") String country, @Column(name = "email_normalized") String emailNormalized,
		@Column(name = "phone_normalized") String phoneNormalized, @Column(name = "at_type") String type,
		@Column(name = "medium_id") String mediumId, @Column(name = "fax_number") String faxNumber,
		@Column(name = "social_network_id") String socialNetworkId) {

	/**
	 * @param medium a medium whose phone number, if any, was normalised already
	 * ({@link ContactMedia#normalised})
	 */
	static ContactMediumValue of(ContactMedium medium) {
		return new ContactMediumValue(medium.mediumType(), medium.contactType(),
				Boolean.TRUE.equals(medium.preferred()), Period.of(medium.validFor()), medium.emailAddress(),
				medium.phoneNumber(), medium.street1(), medium.street2(), medium.city(), medium.postCode(),
				medium.stateOrProvince(), medium.country(), SearchText.fold(medium.emailAddress()),
				PhoneNumbers.searchForm(medium.phoneNumber()), medium.type(), medium.id(), medium.faxNumber(),
				medium.socialNetworkId());
	}

	/** Whether both reach the party at the same address, however it was written. */
	boolean sameAddress(ContactMediumValue other) {
		return Objects.equals(this.mediumType, other.mediumType)
				&& Objects.equals(this.emailNormalized, other.emailNormalized) && Objects.equals(phone(), other.phone())
				&& Objects.equals(SearchText.fold(this.street1), SearchText.fold(other.street1))
				&& Objects.equals(comparablePostCode(), other.comparablePostCode())
				&& Objects.equals(this.country, other.country);
	}

	private String phone() {
		return (this.phoneNormalized != null) ? this.phoneNormalized : this.phoneNumber;
	}

	private String comparablePostCode() {
		return (this.postCode != null) ? this.postCode.replaceAll("\\s", "").toUpperCase(Locale.ROOT) : null;
	}

	ContactMedium toContactMedium() {
		return new ContactMedium(this.type, this.mediumId, this.mediumType, this.contactType, this.preferred,
				(this.validFor != null) ? this.validFor.toTimePeriod() : null, this.emailAddress, this.phoneNumber,
				this.faxNumber, this.socialNetworkId, this.street1, this.street2, this.city, this.postCode,
				this.stateOrProvince, this.country);
	}

}
