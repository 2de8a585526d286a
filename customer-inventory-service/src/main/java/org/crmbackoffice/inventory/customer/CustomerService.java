package org.crmbackoffice.inventory.customer;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerCreate;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.security.Caller;
import org.crmbackoffice.support.security.CurrentCaller;
import org.crmbackoffice.support.web.ApiResponses;
import org.crmbackoffice.support.web.OffsetLimit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the customer records. Answers with wire records, mapped while the stored data is at hand. A business
 * partner sees its own record only; any other id is as unknown to it as one that does not exist.
 */
@Service
@Transactional(readOnly = true)
class CustomerService {

	private final CustomerRepository customers;

	private final CurrentCaller caller;

	private final Clock clock;

	CustomerService(CustomerRepository customers, CurrentCaller caller, Clock clock) {
		this.customers = customers;
		this.caller = caller;
		this.clock = clock;
	}

	@Transactional
	Customer create(CustomerCreate request) {
		CustomerEntity customer = this.customers
			.save(CustomerMapper.newCustomer(request, this.clock.instant(), this.caller.get().subject()));
		return CustomerMapper.toResource(customer);
	}

	Customer retrieve(String id) {
		return visible(ApiResponses.parseId(id)).flatMap(this.customers::findById)
			.map(CustomerMapper::toResource)
			.orElseThrow(() -> ApiProblemException.notFound("customer", id));
	}

	Page<Customer> list(OffsetLimit page) {
		Caller current = this.caller.get();
		if (current.isPartner()) {
			Optional<Customer> own = visible(ApiResponses.parseId(String.valueOf(current.partyId())))
				.flatMap(this.customers::findById)
				.map(CustomerMapper::toResource);
			List<Customer> content = (page.getOffset() == 0) ? own.stream().toList() : List.of();
			return new PageImpl<>(content, page, own.isPresent() ? 1 : 0);
		}
		return this.customers.findAll(page).map(CustomerMapper::toResource);
	}

	private Optional<UUID> visible(Optional<UUID> id) {
		Caller current = this.caller.get();
		return current.isPartner() ? id.filter((candidate) -> candidate.toString().equals(current.partyId())) : id;
	}

}
