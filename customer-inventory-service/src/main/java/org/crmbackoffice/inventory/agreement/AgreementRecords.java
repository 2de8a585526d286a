package org.crmbackoffice.inventory.agreement;

import java.util.List;
import java.util.UUID;

import org.crmbackoffice.model.agreement.Agreement;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features of the inventory may learn about the agreements of a customer,
 * whoever asks.
 */
@Component
@Transactional(readOnly = true)
public class AgreementRecords {

	private final AgreementRepository agreements;

	AgreementRecords(AgreementRepository agreements) {
		this.agreements = agreements;
	}

	/**
	 * @return the customer's agreements, oldest first
	 */
	public List<Agreement> ofCustomer(UUID customerId) {
		return this.agreements.findByCustomerIdOrderByCreatedAtAscIdAsc(customerId)
			.stream()
			.map(AgreementMapper::toResource)
			.toList();
	}

}
