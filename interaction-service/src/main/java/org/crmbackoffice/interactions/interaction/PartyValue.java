package org.crmbackoffice.interactions.interaction;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.interaction.PartyRefOrPartyRoleRef;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;

/**
 * One party of an interaction in its role, as stored. It carries the interaction's start
 * so that a party's timeline is read from one index.
 */
@Embeddable
record PartyValue(@Column(name = "role") String role, @Column(name = "party_id") String partyId,
		@Column(name = "party_href") String partyHref, @Column(name = "party_name") String partyName,
		@Column(name = "party_type") String partyType, @Column(name = "interaction_start") Instant interactionStart,
		@Column(name = "at_type") String type, @Column(name = "party_at_type") String partyAtType,
		@Column(name = "role_party_id") String rolePartyId, @Column(name = "role_party_name") String rolePartyName) {

	static PartyValue of(RelatedPartyOrPartyRole related, Instant interactionStart) {
		PartyRefOrPartyRoleRef party = related.partyOrPartyRole();
		return new PartyValue(related.role(), party.id(), party.href(), party.name(), party.referredType(),
				interactionStart, related.type(), party.type(), party.partyId(), party.partyName());
	}

	PartyValue withInteractionStart(Instant start) {
		return new PartyValue(this.role, this.partyId, this.partyHref, this.partyName, this.partyType, start, this.type,
				this.partyAtType, this.rolePartyId, this.rolePartyName);
	}

	/** The party known only by its pseudonym: nothing that could identify it is kept. */
	PartyValue pseudonymised(String pseudonym) {
		return new PartyValue(this.role, pseudonym, null, null, this.partyType, this.interactionStart, this.type,
				this.partyAtType, null, null);
	}

	RelatedPartyOrPartyRole toRelatedParty() {
		return new RelatedPartyOrPartyRole(this.role,
				new PartyRefOrPartyRoleRef(this.partyId, this.partyHref, this.partyName, this.partyType,
						Periods.or(this.partyAtType, PartyRefOrPartyRoleRef.PARTY_REF), this.rolePartyId,
						this.rolePartyName),
				Periods.or(this.type, RelatedPartyOrPartyRole.TYPE));
	}

}
