package org.crmbackoffice.inventory.customer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.inventory.party.PartyRecords;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerStatus;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features of the inventory may learn about, or do to, a customer record. It
 * answers whoever asks: the callers check their own permissions.
 */
@Component
@Transactional(readOnly = true)
public class CustomerRecords {

	private final CustomerRepository customers;

	private final AgreementRefs agreements;

	private final CustomerEvents events;

	private final PartyRecords parties;

	CustomerRecords(CustomerRepository customers, AgreementRefs agreements, CustomerEvents events,
			PartyRecords parties) {
		this.customers = customers;
		this.parties = parties;
		this.agreements = agreements;
		this.events = events;
	}

	/**
	 * @return the customer's status, or empty if there is no such customer
	 */
	public Optional<CustomerStatus> statusOf(UUID id) {
		return this.customers.findStatusById(id).map(CustomerStatus::of);
	}

	/** Whether the customer exists and has not been deleted from the API. */
	public boolean isOnApi(UUID id) {
		return this.customers.findById(id).filter((found) -> found.deletedAt() == null).isPresent();
	}

	/**
	 * @return the whole customer record, or empty if there is no such customer
	 */
	public Optional<Customer> find(UUID id) {
		return this.customers.findById(id)
			.map((customer) -> CustomerMapper.toResource(customer, this.agreements.of(customer.id())));
	}

	/**
	 * Anonymises the customer for a GDPR erasure, and the party it engages if the
	 * inventory holds it (erasure is of the person, whichever of its records is asked
	 * for); erasing again changes nothing more.
	 * @return whether there was such a customer
	 */
	@Transactional
	public boolean erase(UUID id, String pseudonym, Instant now, String author) {
		Optional<CustomerEntity> customer = this.customers.findById(id);
		customer.filter((found) -> found.erasedAt() == null).ifPresent((found) -> {
			List<EntityRef> agreements = this.agreements.of(found.id());
			Customer before = CustomerMapper.toResource(found, agreements);
			found.erase(pseudonym, now, author);
			this.customers.flush();
			this.events.erased(before, CustomerMapper.toResource(found, agreements));
			if (found.partyId() != null) {
				this.parties.erase(found.partyId(), pseudonym, now, author);
			}
		});
		return customer.isPresent();
	}

	/**
	 * Takes an erased customer off the TMF API: it answers 404 there from then on, while
	 * its record, trail, agreements and privacy requests stay.
	 * @return whether there was such a customer still on the API
	 */
	@Transactional
	public boolean delete(UUID id, Instant now, String author) {
		Optional<CustomerEntity> customer = this.customers.findById(id).filter((found) -> found.deletedAt() == null);
		customer.ifPresent((found) -> {
			found.delete(now, author);
			this.customers.flush();
			this.events.deleted(CustomerMapper.toResource(found, this.agreements.of(found.id())));
		});
		return customer.isPresent();
	}

}
