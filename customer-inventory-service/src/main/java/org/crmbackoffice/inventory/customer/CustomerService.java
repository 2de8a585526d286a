package org.crmbackoffice.inventory.customer;

import java.time.Clock;

import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerCreate;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.web.ApiResponses;
import org.crmbackoffice.support.web.OffsetLimit;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the customer records. Answers with wire records, mapped while the stored data is at hand. */
@Service
@Transactional(readOnly = true)
class CustomerService {

	private final CustomerRepository customers;

	private final Clock clock;

	CustomerService(CustomerRepository customers, Clock clock) {
		this.customers = customers;
		this.clock = clock;
	}

	@Transactional
	Customer create(CustomerCreate request) {
		CustomerEntity customer = this.customers.save(CustomerMapper.newCustomer(request, this.clock.instant()));
		return CustomerMapper.toResource(customer);
	}

	Customer retrieve(String id) {
		return ApiResponses.parseId(id).flatMap(this.customers::findById)
			.map(CustomerMapper::toResource)
			.orElseThrow(() -> ApiProblemException.notFound("customer", id));
	}

	Page<Customer> list(OffsetLimit page) {
		return this.customers.findAll(page).map(CustomerMapper::toResource);
	}

}
