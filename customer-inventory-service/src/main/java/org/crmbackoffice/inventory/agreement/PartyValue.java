package org.crmbackoffice.inventory.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.common.RelatedParty;

/**
 * An engaged party of an agreement other than its customer (a reseller, a guarantor), as
 * stored.
 */
@Embeddable
record PartyValue(@Column(name = "role") String role, @Column(name = "ref_id") String id,
		@Column(name = "href") String href, @Column(name = "name") String name,
		@Column(name = "referred_type") String referredType) {

	static PartyValue of(RelatedParty party) {
		EntityRef ref = party.partyOrPartyRole();
		return new PartyValue(party.role(), ref.id(), ref.href(), ref.name(), ref.referredType());
	}

	RelatedParty toRelatedParty() {
		return new RelatedParty(this.role, new EntityRef(this.id, this.href, this.name, this.referredType));
	}

}
