package org.crmbackoffice.inventory.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import org.crmbackoffice.model.customer.PartyIdentification;

/** One identification of the engaged party, as stored. */
@Embeddable
record PartyIdentificationValue(@Column(name = "identification_type") String identificationType,
		@Column(name = "identification_id") String identificationId,
		@Column(name = "issuing_authority") String issuingAuthority, @Column(name = "country") String country,
		@Embedded Period validFor) {

	static PartyIdentificationValue of(PartyIdentification identification) {
		return new PartyIdentificationValue(identification.identificationType(), identification.identificationId(),
				identification.issuingAuthority(), identification.country(), Period.of(identification.validFor()));
	}

	/** The same document: its type and number, whoever recorded its other details. */
	boolean sameDocument(PartyIdentificationValue other) {
		return this.identificationType.equalsIgnoreCase(other.identificationType)
				&& this.identificationId.equalsIgnoreCase(other.identificationId);
	}

	PartyIdentification toPartyIdentification() {
		return new PartyIdentification(this.identificationType, this.identificationId, this.issuingAuthority,
				this.country, (this.validFor != null) ? this.validFor.toTimePeriod() : null);
	}

}
