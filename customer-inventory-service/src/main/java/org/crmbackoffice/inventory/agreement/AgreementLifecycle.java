package org.crmbackoffice.inventory.agreement;

import org.crmbackoffice.model.agreement.AgreementStatus;
import org.crmbackoffice.support.lifecycle.Lifecycle;

import static org.crmbackoffice.model.agreement.AgreementStatus.ACTIVE;
import static org.crmbackoffice.model.agreement.AgreementStatus.INITIALIZED;
import static org.crmbackoffice.model.agreement.AgreementStatus.SUSPENDED;
import static org.crmbackoffice.model.agreement.AgreementStatus.TERMINATED;

/**
 * The moves an agreement may make: a new one becomes active (or is terminated before it
 * starts), an active one can be suspended and resumed, and any can be terminated.
 * Terminated is final: a renewed contract is a new agreement, so the old terms stay on
 * record as they were.
 */
final class AgreementLifecycle {

	private static final Lifecycle<AgreementStatus> MOVES = Lifecycle
		.of(AgreementStatus.class, "An agreement", AgreementStatus::value)
		.from(INITIALIZED, ACTIVE, TERMINATED)
		.from(ACTIVE, SUSPENDED, TERMINATED)
		.from(SUSPENDED, ACTIVE, TERMINATED);

	private AgreementLifecycle() {
	}

	static void checkMove(AgreementStatus from, AgreementStatus to) {
		MOVES.checkMove(from, to);
	}

}
