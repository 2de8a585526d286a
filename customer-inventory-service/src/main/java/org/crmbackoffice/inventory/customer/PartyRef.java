package org.crmbackoffice.inventory.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.common.EntityRef;

/** The party (individual or organization) engaged as the customer, as stored. */
@Embeddable
record PartyRef(@Column(name = "engaged_party_id") String id, @Column(name = "engaged_party_href") String href,
		@Column(name = "engaged_party_name") String name,
		@Column(name = "engaged_party_type") String referredType) {

	static PartyRef of(EntityRef ref) {
		return (ref != null) ? new PartyRef(ref.id(), ref.href(), ref.name(), ref.referredType()) : null;
	}

	EntityRef toEntityRef() {
		return new EntityRef(this.id, this.href, this.name, this.referredType);
	}

}
