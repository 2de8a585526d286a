package org.crmbackoffice.inventory.agreement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.crmbackoffice.model.agreement.Agreement;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves agreements from one customer to another, for a duplicate record merged into its
 * survivor: the contracts stay in force and are found on the surviving record. The caller
 * checks permissions.
 */
@Component
public class AgreementTransfers {

	private final AgreementRepository agreements;

	private final AgreementEvents events;

	AgreementTransfers(AgreementRepository agreements, AgreementEvents events) {
		this.agreements = agreements;
		this.events = events;
	}

	/**
	 * Moves every agreement and records each move in the audit trail of the customer it
	 * moved to.
	 * @return how many agreements moved
	 */
	@Transactional
	public int moveAll(UUID fromCustomer, UUID toCustomer, Instant now, String author) {
		List<AgreementEntity> moving = this.agreements.findByCustomerIdOrderByCreatedAtAscIdAsc(fromCustomer);
		for (AgreementEntity agreement : moving) {
			Agreement before = AgreementMapper.toResource(agreement);
			agreement.transferTo(toCustomer, now, author);
			Agreement after = AgreementMapper.toResource(agreement);
			this.events.transferred(toCustomer, before, after);
		}
		// Once for all moves: the plain SQL that follows in the merge's transaction must
		// see them.
		this.agreements.flush();
		return moving.size();
	}

}
