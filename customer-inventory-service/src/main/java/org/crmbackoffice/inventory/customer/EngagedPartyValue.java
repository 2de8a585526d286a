package org.crmbackoffice.inventory.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crmbackoffice.model.customer.EngagedParty;

/**
 * The reference to the party engaged as the customer, as stored: to a party the inventory
 * holds (its individual or organization) or to one held in another party management
 * system.
 *
 * @param type always {@code PartyRef} since parties are resources of their own
 * @param referredType {@code Individual} or {@code Organization}, or whatever kind of
 * party the reference names
 */
@Embeddable
record EngagedPartyValue(@Column(name = "engaged_party_id") String id, @Column(name = "engaged_party_href") String href,
		@Column(name = "engaged_party_type") String type, @Column(name = "engaged_party_name") String name,
		@Column(name = "engaged_party_referred_type") String referredType) {

	static EngagedPartyValue of(String id, String href, String name, String referredType) {
		return new EngagedPartyValue(id, href, EngagedParty.PARTY_REF, name, referredType);
	}

	EngagedParty toEngagedParty() {
		return EngagedParty.reference(this.id, this.href, this.name, this.referredType);
	}

}
