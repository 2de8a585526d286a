package org.crmbackoffice.inventory.customer;

import java.util.Optional;
import java.util.UUID;

import org.crmbackoffice.model.customer.CustomerStatus;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What other features of the inventory may learn about a customer record, whoever asks. */
@Component
@Transactional(readOnly = true)
public class CustomerRecords {

	private final CustomerRepository customers;

	CustomerRecords(CustomerRepository customers) {
		this.customers = customers;
	}

	/** @return the customer's status, or empty if there is no such customer */
	public Optional<CustomerStatus> statusOf(UUID id) {
		return this.customers.findStatusById(id).map(CustomerStatus::of);
	}

}
