package org.crmbackoffice.inventory.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.common.EntityRef;

/** A reference to an account or payment method kept in another system, as stored. */
@Embeddable
record RefValue(@Column(name = "ref_id") String id, @Column(name = "href") String href,
		@Column(name = "name") String name, @Column(name = "referred_type") String referredType) {

	static RefValue of(EntityRef ref) {
		return new RefValue(ref.id(), ref.href(), ref.name(), ref.referredType());
	}

	/** Whether both refer to the same thing, whatever they call it. */
	boolean sameTarget(RefValue other) {
		return this.id.equals(other.id) && this.referredType.equals(other.referredType);
	}

	EntityRef toEntityRef() {
		return new EntityRef(this.id, this.href, this.name, this.referredType);
	}

}
