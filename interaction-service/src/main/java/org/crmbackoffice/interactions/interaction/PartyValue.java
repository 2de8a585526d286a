package org.crmbackoffice.interactions.interaction;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.common.RelatedParty;

/**
 * One party of an interaction in its role, as stored. It carries the interaction's start so that a party's
 * timeline is read from one index.
 */
@Embeddable
record PartyValue(@Column(name = "role") String role, @Column(name = "party_id") String partyId,
		@Column(name = "party_href") String partyHref, @Column(name = "party_name") String partyName,
		@Column(name = "party_type") String partyType, @Column(name = "interaction_start") Instant interactionStart) {

	static PartyValue of(RelatedParty related, Instant interactionStart) {
		EntityRef party = related.partyOrPartyRole();
		return new PartyValue(related.role(), party.id(), party.href(), party.name(), party.referredType(),
				interactionStart);
	}

	RelatedParty toRelatedParty() {
		return new RelatedParty(this.role, new EntityRef(this.partyId, this.partyHref, this.partyName, this.partyType));
	}

}
