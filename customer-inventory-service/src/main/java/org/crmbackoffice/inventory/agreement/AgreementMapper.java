package org.crmbackoffice.inventory.agreement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.crmbackoffice.inventory.agreement.AgreementEntity.Content;
import org.crmbackoffice.model.agreement.Agreement;
import org.crmbackoffice.model.agreement.AgreementApi;
import org.crmbackoffice.model.agreement.AgreementStatus;
import org.crmbackoffice.model.agreement.AgreementUpdate;
import org.crmbackoffice.model.agreement.TermOrCondition;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.common.RelatedParty;
import org.crmbackoffice.model.common.TimePeriod;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerApi;

/** Translates between the TMF651 wire records and the stored agreement. */
final class AgreementMapper {

	private AgreementMapper() {
	}

	/**
	 * @param otherParties the engaged parties without the customer, whom the agreement
	 * keeps as its own column
	 */
	static Content content(String name, String description, String agreementType, TimePeriod agreementPeriod,
			List<RelatedParty> otherParties, List<TermOrCondition> terms, List<EntityRef> documents) {
		return new Content(name, description, agreementType, Instants.startOf(agreementPeriod),
				Instants.endOf(agreementPeriod), otherParties.stream().map(PartyValue::of).toList(),
				terms.stream().map(TermValue::of).toList(), documents.stream().map(DocumentValue::of).toList());
	}

	/**
	 * The customer comes first among the engaged parties, in the role
	 * {@value Agreement#CUSTOMER_ROLE}.
	 */
	static Agreement toResource(AgreementEntity agreement) {
		String id = agreement.id().toString();
		List<RelatedParty> parties = new ArrayList<>();
		parties.add(customerParty(agreement.customerId()));
		agreement.otherParties().stream().map(PartyValue::toRelatedParty).forEach(parties::add);
		return new Agreement(id, hrefOf(id), Agreement.TYPE, agreement.name(), agreement.description(),
				agreement.agreementType(), AgreementStatus.of(agreement.status()), agreement.statusReason(),
				Instants.period(agreement.validFrom(), agreement.validTo()), parties,
				agreement.terms().stream().map(TermValue::toTermOrCondition).toList(),
				agreement.documents().stream().map(DocumentValue::toEntityRef).toList(), agreement.createdAt(),
				agreement.updatedAt());
	}

	static AgreementUpdate toUpdate(Agreement agreement) {
		return new AgreementUpdate(agreement.name(), agreement.description(), agreement.agreementType(),
				agreement.status(), agreement.statusReason(), agreement.agreementPeriod(), agreement.engagedParty(),
				agreement.termOrCondition(), agreement.document());
	}

	static void apply(AgreementEntity agreement, AgreementUpdate update, List<RelatedParty> otherParties, Instant now,
			String author) {
		agreement.apply(
				content(update.name(), update.description(), update.agreementType(), update.agreementPeriod(),
						otherParties, update.termOrCondition(), update.document()),
				update.status().value(), update.statusReason(), now, author);
	}

	static RelatedParty customerParty(UUID customerId) {
		return new RelatedParty(Agreement.CUSTOMER_ROLE,
				new EntityRef(customerId.toString(), CustomerApi.BASE_PATH + "/" + customerId, null, Customer.TYPE));
	}

	static EntityRef refOf(UUID id, String name) {
		return new EntityRef(id.toString(), hrefOf(id.toString()), name, Agreement.TYPE);
	}

	/**
	 * Path-absolute, so it stays right behind any proxy and in events written without a
	 * request.
	 */
	static String hrefOf(String id) {
		return AgreementApi.BASE_PATH + "/" + id;
	}

}
