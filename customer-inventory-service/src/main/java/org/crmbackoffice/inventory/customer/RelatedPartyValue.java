package org.crmbackoffice.inventory.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.common.RelatedParty;

/**
 * A party related to the customer in a role (account manager, guarantor, ...), as stored.
 */
@Embeddable
record RelatedPartyValue(@Column(name = "role") String role, @Column(name = "ref_id") String id,
		@Column(name = "href") String href, @Column(name = "name") String name,
		@Column(name = "referred_type") String referredType, @Column(name = "at_type") String type,
		@Column(name = "party_at_type") String partyType) {

	static final String TYPE = "RelatedPartyOrPartyRole";

	static final String PARTY_REF = "PartyRef";

	static RelatedPartyValue of(RelatedParty party) {
		EntityRef ref = party.partyOrPartyRole();
		return new RelatedPartyValue(party.role(), ref.id(), ref.href(), ref.name(), ref.referredType(), party.type(),
				ref.type());
	}

	boolean sameRoleAndParty(RelatedPartyValue other) {
		return this.role.equals(other.role) && this.id.equals(other.id) && this.referredType.equals(other.referredType);
	}

	RelatedParty toRelatedParty() {
		return new RelatedParty(this.role, new EntityRef(this.id, this.href, this.name, this.referredType,
				(this.partyType != null) ? this.partyType : PARTY_REF), (this.type != null) ? this.type : TYPE);
	}

}
