package org.crmbackoffice.inventory.agreement;

import java.util.UUID;

import org.crmbackoffice.inventory.audit.AuditTrail;
import org.crmbackoffice.model.agreement.Agreement;

import org.springframework.stereotype.Component;

/**
 * Where all changes of agreements pass, as those of customers pass through
 * {@code CustomerEvents} and those of parties through {@code PartyEvents}: each is
 * recorded in the audit trail of the customer the agreement belongs to, in the
 * transaction of the change. TMF629 defines no agreement events, so none go to the hub.
 */
@Component
class AgreementEvents {

	private final AuditTrail audit;

	AgreementEvents(AuditTrail audit) {
		this.audit = audit;
	}

	void created(UUID customerId, Agreement agreement) {
		record(customerId, AuditTrail.AGREEMENT_CREATE, null, agreement);
	}

	void changed(UUID customerId, Agreement before, Agreement after) {
		record(customerId,
				(before.status() != after.status()) ? AuditTrail.AGREEMENT_STATE_CHANGE : AuditTrail.AGREEMENT_UPDATE,
				before, after);
	}

	/**
	 * An agreement that moved to the survivor of a merge, told to the survivor's trail.
	 */
	void transferred(UUID survivorId, Agreement before, Agreement after) {
		record(survivorId, AuditTrail.AGREEMENT_UPDATE, before, after);
	}

	private void record(UUID customerId, String operation, Agreement before, Agreement after) {
		this.audit.recordWrite(customerId, Agreement.TYPE + "/" + after.id(), operation, before, after);
	}

}
