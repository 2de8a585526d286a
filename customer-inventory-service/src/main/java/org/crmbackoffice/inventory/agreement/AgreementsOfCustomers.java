package org.crmbackoffice.inventory.agreement;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.crmbackoffice.inventory.customer.AgreementRefs;
import org.crmbackoffice.model.common.EntityRef;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists each customer's agreements on its record, one query for a whole page of
 * customers.
 */
@Component
@Transactional(readOnly = true)
class AgreementsOfCustomers implements AgreementRefs {

	private final AgreementRepository agreements;

	AgreementsOfCustomers(AgreementRepository agreements) {
		this.agreements = agreements;
	}

	@Override
	public Map<UUID, List<EntityRef>> of(Collection<UUID> customerIds) {
		if (customerIds.isEmpty()) {
			return Map.of();
		}
		return this.agreements.findRefsByCustomerIdIn(customerIds)
			.stream()
			.collect(Collectors.groupingBy(AgreementRepository.AgreementOfCustomer::getCustomerId, LinkedHashMap::new,
					Collectors.mapping((agreement) -> AgreementMapper.refOf(agreement.getId(), agreement.getName()),
							Collectors.toList())));
	}

	@Override
	public List<EntityRef> of(UUID customerId) {
		return this.agreements.findRefsByCustomerId(customerId)
			.stream()
			.map((agreement) -> AgreementMapper.refOf(agreement.getId(), agreement.getName()))
			.toList();
	}

}
