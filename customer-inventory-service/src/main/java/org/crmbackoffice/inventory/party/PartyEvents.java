package org.crmbackoffice.inventory.party;

import java.util.Objects;
import java.util.UUID;

import org.crmbackoffice.inventory.audit.AuditTrail;
import org.crmbackoffice.model.party.Individual;
import org.crmbackoffice.model.party.Party;
import org.crmbackoffice.support.hub.EventPublisher;

import org.springframework.stereotype.Component;

/**
 * The TMF632 events of the parties, published on the party hub in the transaction of the
 * change they describe, each with the whole party as it is after the change; every change
 * is also recorded in the audit trail.
 */
@Component
class PartyEvents {

	private final EventPublisher publisher;

	private final AuditTrail audit;

	PartyEvents(EventPublisher publisher, AuditTrail audit) {
		this.publisher = publisher;
		this.audit = audit;
	}

	void created(Party party) {
		this.audit.recordWrite(UUID.fromString(party.id()), AuditTrail.PARTY_CREATE, null, party);
		publish("CreateEvent", party);
	}

	/**
	 * A status change, a change of anything else, or both: each is an event of its own
	 * kind.
	 */
	void changed(Party before, Party after) {
		boolean statusChanged = !Objects.equals(before.status(), after.status());
		this.audit.recordWrite(UUID.fromString(after.id()),
				statusChanged ? AuditTrail.PARTY_STATE_CHANGE : AuditTrail.PARTY_UPDATE, before, after);
		if (statusChanged) {
			publish("StateChangeEvent", after);
		}
		if (!PartyDocuments.sameApartFromStatus(before, after)) {
			publish("AttributeValueChangeEvent", after);
		}
	}

	/**
	 * A party erased on request: what earlier events said about it is forgotten, and
	 * listeners learn of the erasure from an event that carries only its pseudonym.
	 */
	void erased(Party before, Party after) {
		this.publisher.forget(after.id());
		this.audit.recordWrite(UUID.fromString(after.id()), AuditTrail.PARTY_ERASE, before, after);
		publish("AttributeValueChangeEvent", after);
	}

	void deleted(Party party) {
		publish("DeleteEvent", party);
	}

	private void publish(String kind, Party party) {
		boolean individual = party instanceof Individual;
		this.publisher.publishPartyEvent((individual ? "Individual" : "Organization") + kind, party.id(),
				individual ? "individual" : "organization", party);
	}

}
