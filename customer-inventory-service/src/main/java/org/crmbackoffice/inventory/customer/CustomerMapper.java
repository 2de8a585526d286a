package org.crmbackoffice.inventory.customer;

import java.time.Instant;
import java.util.List;

import org.crmbackoffice.model.common.ContactMedium;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.customer.CustomerCreate;
import org.crmbackoffice.model.customer.CustomerStatus;
import org.crmbackoffice.model.customer.CustomerUpdate;

/** Translates between the TMF629 wire records and the stored customer. */
final class CustomerMapper {

	private CustomerMapper() {
	}

	/** @param contactMedia the request's contact media with their phone numbers in E.164 form */
	static CustomerEntity newCustomer(CustomerCreate request, List<ContactMedium> contactMedia, Instant now,
			String author) {
		return new CustomerEntity(request.name(), request.description(), Period.of(request.validFor()),
				PartyRef.of(request.engagedParty()), contactMedia.stream().map(ContactMediumValue::of).toList(),
				request.characteristic().stream().map(CharacteristicValue::of).toList(), now, author);
	}

	static Customer toResource(CustomerEntity customer) {
		String id = customer.id().toString();
		return new Customer(id, hrefOf(id), Customer.TYPE, customer.name(), customer.description(),
				CustomerStatus.of(customer.status()),
				customer.statusReason(), (customer.validFor() != null) ? customer.validFor().toTimePeriod() : null,
				(customer.engagedParty() != null) ? customer.engagedParty().toEntityRef() : null,
				customer.contactMedia().stream().map(ContactMediumValue::toContactMedium).toList(),
				customer.characteristics().stream().map(CharacteristicValue::toCharacteristic).toList(),
				customer.createdAt(), customer.updatedAt(), null);
	}

	static CustomerUpdate toUpdate(Customer customer) {
		return new CustomerUpdate(customer.name(), customer.description(), customer.status(), customer.statusReason(),
				customer.validFor(), customer.engagedParty(), customer.contactMedium(), customer.characteristic());
	}

	/** @param contactMedia the update's contact media with their phone numbers in E.164 form */
	static void apply(CustomerEntity customer, CustomerUpdate update, List<ContactMedium> contactMedia, Instant now,
			String author) {
		customer.apply(update.name(), update.description(), update.status().value(), update.statusReason(),
				Period.of(update.validFor()), PartyRef.of(update.engagedParty()),
				contactMedia.stream().map(ContactMediumValue::of).toList(),
				update.characteristic().stream().map(CharacteristicValue::of).toList(), now, author);
	}

	/** Path-absolute, so it stays right behind any proxy and in events written without a request. */
	static String hrefOf(String id) {
		return CustomerApi.BASE_PATH + "/" + id;
	}

}
