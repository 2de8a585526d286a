package org.crmbackoffice.inventory.party;

import org.crmbackoffice.model.party.Individual;
import org.crmbackoffice.model.party.Organization;
import org.crmbackoffice.model.party.Party;

/**
 * What is left of a party after a GDPR erasure: its kind, id and status, and the
 * pseudonym the interaction log also calls it by, as every name it is required to have.
 * Nothing else that could identify or describe it stays.
 */
final class PartyErasure {

	private PartyErasure() {
	}

	static Party of(Party party, String pseudonym) {
		Party erased = (party instanceof Individual individual)
				? new Individual(null, null, Individual.TYPE, null, null, pseudonym, pseudonym, null, pseudonym, null,
						null, null, null, null, null, null, null, null, null, null, null, null, null,
						individual.status(), null, null, null, null, null, null, null, null, null, null, null, null)
				: new Organization(null, null, Organization.TYPE, null, null, pseudonym, null, null, null, null, null,
						null, party.status(), null, null, null, null, null, null, null, null, null, null);
		return erased.identifiedAs(party.id(), party.href());
	}

}
