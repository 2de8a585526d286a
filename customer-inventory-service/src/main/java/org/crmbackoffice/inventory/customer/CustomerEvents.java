package org.crmbackoffice.inventory.customer;

import java.util.Map;
import java.util.UUID;

import org.crmbackoffice.inventory.audit.AuditTrail;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerStatus;
import org.crmbackoffice.model.customer.CustomerUpdate;
import org.crmbackoffice.support.hub.EventPublisher;
import org.crmbackoffice.support.hub.HubProperties;

import org.springframework.stereotype.Component;

/**
 * The TMF629 events of the customer inventory, published in the transaction of the change
 * they describe. Like the interaction service's events, each carries the whole customer
 * as it is after the change. Every change told here is also recorded in the audit trail,
 * in the same transaction: this is where all changes of customers pass.
 */
@Component
class CustomerEvents {

	static final String CREATE = "CustomerCreateEvent";

	static final String STATE_CHANGE = "CustomerStateChangeEvent";

	static final String ATTRIBUTE_VALUE_CHANGE = "CustomerAttributeValueChangeEvent";

	static final String DELETE = "CustomerDeleteEvent";

	private final EventPublisher publisher;

	private final AuditTrail audit;

	CustomerEvents(EventPublisher publisher, AuditTrail audit) {
		this.publisher = publisher;
		this.audit = audit;
	}

	void created(Customer customer) {
		this.audit.recordWrite(UUID.fromString(customer.id()), AuditTrail.CUSTOMER_CREATE, null, customer);
		publish(CREATE, customer);
	}

	/**
	 * A status change, a change of anything else (the status reason included), or both:
	 * each is an event of its own kind. A patch that changes nothing publishes nothing.
	 */
	void changed(Customer before, Customer after) {
		this.audit.recordWrite(UUID.fromString(after.id()),
				(before.status() != after.status()) ? AuditTrail.CUSTOMER_STATE_CHANGE : AuditTrail.CUSTOMER_UPDATE,
				before, after);
		publishChanges(before, after);
	}

	private void publishChanges(Customer before, Customer after) {
		if (before.status() != after.status()) {
			publish(STATE_CHANGE, after);
		}
		if (!CustomerMapper.toUpdate(before).equals(withStatus(CustomerMapper.toUpdate(after), before.status()))) {
			publish(ATTRIBUTE_VALUE_CHANGE, after);
		}
	}

	/**
	 * A customer erased on request: what earlier events said about it is forgotten, and
	 * listeners learn that it is closed and anonymised, from events that carry only its
	 * pseudonym.
	 */
	void erased(Customer before, Customer after) {
		this.publisher.forget(after.id());
		this.audit.recordWrite(UUID.fromString(after.id()), AuditTrail.CUSTOMER_ERASE, before, after);
		publishChanges(before, after);
	}

	/**
	 * A customer taken off the API (after its erasure): the event carries only its
	 * pseudonym.
	 */
	void deleted(Customer erased) {
		publish(DELETE, erased);
	}

	private static CustomerUpdate withStatus(CustomerUpdate update, CustomerStatus status) {
		return new CustomerUpdate(update.name(), update.description(), status, update.statusReason(), update.validFor(),
				update.engagedParty(), update.contactMedium(), update.characteristic(), update.account(),
				update.paymentMethod(), update.creditProfile(), update.relatedParty());
	}

	/**
	 * Listeners of the v5 hub get the v5 shape, those of the v4 hub the v4 shape of the
	 * same customer.
	 */
	private void publish(String type, Customer customer) {
		this.publisher.publish(type, customer.id(), "customer",
				Map.of(HubProperties.V5, customer, HubProperties.V4, CustomerV4Mapper.toV4(customer)));
	}

}
