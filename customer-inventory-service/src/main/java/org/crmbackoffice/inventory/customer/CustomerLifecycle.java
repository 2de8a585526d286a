package org.crmbackoffice.inventory.customer;

import org.crmbackoffice.model.customer.CustomerStatus;
import org.crmbackoffice.support.lifecycle.Lifecycle;

import static org.crmbackoffice.model.customer.CustomerStatus.APPROVED;
import static org.crmbackoffice.model.customer.CustomerStatus.CLOSED;
import static org.crmbackoffice.model.customer.CustomerStatus.INITIALIZED;
import static org.crmbackoffice.model.customer.CustomerStatus.SUSPENDED;

/**
 * The moves a customer relationship may make: a new customer is approved (or closed if it
 * never starts), an approved one can be suspended and approved again, and any can be
 * closed. Closed is final: a returning customer is a new record.
 */
final class CustomerLifecycle {

	private static final Lifecycle<CustomerStatus> MOVES = Lifecycle
		.of(CustomerStatus.class, "A customer", CustomerStatus::value)
		.from(INITIALIZED, APPROVED, CLOSED)
		.from(APPROVED, SUSPENDED, CLOSED)
		.from(SUSPENDED, APPROVED, CLOSED);

	private CustomerLifecycle() {
	}

	static void checkMove(CustomerStatus from, CustomerStatus to) {
		MOVES.checkMove(from, to);
	}

}
