package org.crmbackoffice.inventory.customer;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.customer.EngagedParty;
import org.crmbackoffice.model.customer.PartyIdentification;

/** The individual or organization engaged as the customer, as stored; its identifications are kept apart. */
@Embeddable
record EngagedPartyValue(@Column(name = "engaged_party_id") String id, @Column(name = "engaged_party_href") String href,
		@Column(name = "engaged_party_type") String type, @Column(name = "engaged_party_name") String name,
		@Column(name = "given_name") String givenName, @Column(name = "middle_name") String middleName,
		@Column(name = "family_name") String familyName, @Column(name = "birth_date") LocalDate birthDate,
		@Column(name = "trading_name") String tradingName,
		@Column(name = "organization_type") String organizationType,
		@Column(name = "engaged_party_referred_type") String referredType) {

	static EngagedPartyValue of(EngagedParty party) {
		return new EngagedPartyValue(party.id(), party.href(), party.type(), party.name(), party.givenName(),
				party.middleName(), party.familyName(), party.birthDate(), party.tradingName(),
				party.organizationType(), party.referredType());
	}

	EngagedParty toEngagedParty(List<PartyIdentification> identification) {
		return new EngagedParty(this.id, this.href, this.type, this.name, this.givenName, this.middleName,
				this.familyName, this.birthDate, this.tradingName, this.organizationType, identification,
				this.referredType);
	}

}
