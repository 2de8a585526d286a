package org.crmbackoffice.inventory.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.common.EntityRef;

/** A reference to an account or payment method kept in another system, as stored. */
@Embeddable
record RefValue(@Column(name = "ref_id") String id, @Column(name = "href") String href,
		@Column(name = "name") String name, @Column(name = "referred_type") String referredType,
		@Column(name = "at_type") String type) {

	static RefValue of(EntityRef ref) {
		return new RefValue(ref.id(), ref.href(), ref.name(), ref.referredType(), ref.type());
	}

	/** Whether both refer to the same thing, whatever they call it. */
	boolean sameTarget(RefValue other) {
		return this.id.equals(other.id) && this.referredType.equals(other.referredType);
	}

	/**
	 * @param defaultType the TMF type of this kind of reference, e.g. {@code AccountRef}
	 */
	EntityRef toEntityRef(String defaultType) {
		return new EntityRef(this.id, this.href, this.name, this.referredType,
				(this.type != null) ? this.type : defaultType);
	}

}
