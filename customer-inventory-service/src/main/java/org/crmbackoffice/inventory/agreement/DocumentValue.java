package org.crmbackoffice.inventory.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.common.EntityRef;

/**
 * A ref to a document of an agreement (the signed contract, its annexes) kept in a
 * document store, as stored.
 */
@Embeddable
record DocumentValue(@Column(name = "ref_id") String id, @Column(name = "href") String href,
		@Column(name = "name") String name, @Column(name = "referred_type") String referredType) {

	static DocumentValue of(EntityRef document) {
		return new DocumentValue(document.id(), document.href(), document.name(), document.referredType());
	}

	EntityRef toEntityRef() {
		return new EntityRef(this.id, this.href, this.name, this.referredType);
	}

}
