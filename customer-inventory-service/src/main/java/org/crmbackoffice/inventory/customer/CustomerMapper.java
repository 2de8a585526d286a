package org.crmbackoffice.inventory.customer;

import java.time.Instant;
import java.util.List;

import org.crmbackoffice.inventory.customer.CustomerEntity.Content;
import org.crmbackoffice.model.common.Characteristic;
import org.crmbackoffice.model.common.ContactMedium;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.common.RelatedParty;
import org.crmbackoffice.model.common.TimePeriod;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.customer.CustomerCreate;
import org.crmbackoffice.model.customer.CustomerStatus;
import org.crmbackoffice.model.customer.CustomerUpdate;
import org.crmbackoffice.model.customer.CreditProfile;
import org.crmbackoffice.model.customer.EngagedParty;

/** Translates between the TMF629 wire records and the stored customer. */
final class CustomerMapper {

	private CustomerMapper() {
	}

	/**
	 * @param engagedParty the reference to the request's party, resolved
	 * @param contactMedia the request's contact media with their phone numbers in E.164
	 * form
	 * @param dataSource the system that feeds the record
	 */
	static CustomerEntity newCustomer(CustomerCreate request, ResolvedParty engagedParty,
			List<ContactMedium> contactMedia, Instant now, String author, String dataSource) {
		return new CustomerEntity(content(request.name(), request.description(), request.validFor(), engagedParty,
				contactMedia, request.characteristic(), request.account(), request.paymentMethod(),
				request.creditProfile(), request.relatedParty()), now, author, dataSource);
	}

	/**
	 * @param agreements refs to the customer's agreements, which the agreement feature
	 * keeps
	 */
	static Customer toResource(CustomerEntity customer, List<EntityRef> agreements) {
		String id = customer.id().toString();
		return new Customer(id, hrefOf(id), Customer.TYPE, customer.name(), customer.description(),
				CustomerStatus.of(customer.status()), customer.statusReason(),
				(customer.validFor() != null) ? customer.validFor().toTimePeriod() : null, engagedParty(customer),
				resolutionOf(customer),
				customer.contactMedia().stream().map(ContactMediumValue::toContactMedium).toList(),
				customer.characteristics().stream().map(CharacteristicValue::toCharacteristic).toList(),
				customer.accounts().stream().map((ref) -> ref.toEntityRef("AccountRef")).toList(),
				customer.paymentMethods().stream().map((ref) -> ref.toEntityRef("PaymentMethodRef")).toList(),
				customer.creditProfiles().stream().map(CreditProfileValue::toCreditProfile).toList(),
				customer.relatedParties().stream().map(RelatedPartyValue::toRelatedParty).toList(),
				agreements.stream().map((agreement) -> agreement.typedAs("AgreementRef")).toList(),
				customer.dataSource(), customer.createdAt(), customer.updatedAt(), null);
	}

	private static String resolutionOf(CustomerEntity customer) {
		if (customer.engagedParty() == null) {
			return null;
		}
		return (customer.partyId() != null) ? Customer.PARTY_HELD : Customer.PARTY_EXTERNAL;
	}

	private static EngagedParty engagedParty(CustomerEntity customer) {
		return (customer.engagedParty() != null) ? customer.engagedParty().toEngagedParty() : null;
	}

	static CustomerUpdate toUpdate(Customer customer) {
		return new CustomerUpdate(customer.name(), customer.description(), customer.status(), customer.statusReason(),
				customer.validFor(), customer.engagedParty(), customer.contactMedium(), customer.characteristic(),
				customer.account(), customer.paymentMethod(), customer.creditProfile(), customer.relatedParty());
	}

	/**
	 * @param engagedParty the reference to the update's party, resolved
	 * @param contactMedia the update's contact media with their phone numbers in E.164
	 * form
	 */
	static void apply(CustomerEntity customer, CustomerUpdate update, ResolvedParty engagedParty,
			List<ContactMedium> contactMedia, Instant now, String author) {
		customer.apply(content(update.name(), update.description(), update.validFor(), engagedParty, contactMedia,
				update.characteristic(), update.account(), update.paymentMethod(), update.creditProfile(),
				update.relatedParty()), update.status().value(), update.statusReason(), now, author);
	}

	private static Content content(String name, String description, TimePeriod validFor, ResolvedParty engagedParty,
			List<ContactMedium> contactMedium, List<Characteristic> characteristic, List<EntityRef> account,
			List<EntityRef> paymentMethod, List<CreditProfile> creditProfile, List<RelatedParty> relatedParty) {
		return new Content(name, description, Period.of(validFor), engagedParty.reference(), engagedParty.partyId(),
				contactMedium.stream().map(ContactMediumValue::of).toList(),
				characteristic.stream().map(CharacteristicValue::of).toList(),
				account.stream().map(RefValue::of).toList(), paymentMethod.stream().map(RefValue::of).toList(),
				creditProfile.stream().map(CreditProfileValue::of).toList(),
				relatedParty.stream().map(RelatedPartyValue::of).toList());
	}

	/**
	 * Path-absolute, so it stays right behind any proxy and in events written without a
	 * request.
	 */
	static String hrefOf(String id) {
		return CustomerApi.BASE_PATH + "/" + id;
	}

}
