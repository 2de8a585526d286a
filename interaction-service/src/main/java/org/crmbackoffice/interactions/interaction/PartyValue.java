package org.crmbackoffice.interactions.interaction;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.common.RelatedParty;

/** One party of an interaction in its role, as stored. */
@Embeddable
record PartyValue(@Column(name = "role") String role, @Column(name = "party_id") String partyId,
		@Column(name = "party_href") String partyHref, @Column(name = "party_name") String partyName,
		@Column(name = "party_type") String partyType) {

	static PartyValue of(RelatedParty related) {
		EntityRef party = related.partyOrPartyRole();
		return new PartyValue(related.role(), party.id(), party.href(), party.name(), party.referredType());
	}

	RelatedParty toRelatedParty() {
		return new RelatedParty(this.role, new EntityRef(this.partyId, this.partyHref, this.partyName, this.partyType));
	}

}
