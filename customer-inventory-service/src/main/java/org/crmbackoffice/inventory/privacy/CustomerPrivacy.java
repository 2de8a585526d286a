package org.crmbackoffice.inventory.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.crmbackoffice.inventory.agreement.AgreementRecords;
import org.crmbackoffice.inventory.audit.AuditTrail;
import org.crmbackoffice.inventory.customer.CustomerRecords;
import org.crmbackoffice.inventory.interactions.InteractionsOfCustomers;
import org.crmbackoffice.inventory.party.PartyRecords;
import org.crmbackoffice.inventory.privacy.PrivacyRequests.PrivacyRequest;
import org.crmbackoffice.model.agreement.Agreement;
import org.crmbackoffice.model.agreement.AgreementStatus;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.interaction.PartyErasureApi;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.party.Party;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.security.Caller;
import org.crmbackoffice.support.security.CurrentCaller;
import org.crmbackoffice.support.web.ApiResponses;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer's GDPR rights. The download holds everything the enterprise keeps about the
 * customer: its record, its party, its agreements and, from the interaction service, its
 * interactions. The erasure anonymises the customer in the interaction log first and then
 * in the inventory, so a failure half-way leaves nothing erased here and the request can
 * simply be repeated. Both are recorded.
 */
@Service
class CustomerPrivacy {

	private final CustomerRecords customers;

	private final AgreementRecords agreements;

	private final InteractionsOfCustomers interactions;

	private final PrivacyRequests requests;

	private final CurrentCaller caller;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final AuditTrail audit;

	private final PartyRecords parties;

	CustomerPrivacy(CustomerRecords customers, AgreementRecords agreements, InteractionsOfCustomers interactions,
			PrivacyRequests requests, CurrentCaller caller, TransactionTemplate transaction, Clock clock,
			AuditTrail audit, PartyRecords parties) {
		this.parties = parties;
		this.audit = audit;
		this.customers = customers;
		this.agreements = agreements;
		this.interactions = interactions;
		this.requests = requests;
		this.caller = caller;
		this.transaction = transaction;
		this.clock = clock;
	}

	CustomerDataExport export(String id) {
		UUID customerId = existing(id);
		Caller current = this.caller.get();
		Customer customer = this.customers.find(customerId).orElseThrow();
		Party party = Customer.PARTY_HELD.equals(customer.engagedPartyResolution())
				? ApiResponses.parseId(customer.engagedParty().id()).flatMap(this.parties::find).orElse(null) : null;
		List<Agreement> agreements = this.agreements.ofCustomer(customerId);
		List<PartyInteraction> interactions = this.interactions.allOf(id);
		Instant now = this.clock.instant();
		this.transaction.executeWithoutResult((status) -> {
			this.requests.record(customerId, PrivacyRequests.EXPORT, current, now, "exported the record, "
					+ agreements.size() + " agreement(s) and " + interactions.size() + " interaction(s)");
			this.audit.recordWrite(customerId, AuditTrail.CUSTOMER_EXPORT, null, null);
		});
		return new CustomerDataExport(now, current.subject(), customer, party, agreements, interactions);
	}

	/**
	 * @throws ApiProblemException 409 while an agreement with the customer is in force:
	 * the contract is a reason to keep its data, so it must be terminated first
	 */
	ErasureReceipt erase(String id) {
		UUID customerId = existing(id);
		Caller current = this.caller.get();
		List<String> inForce = this.agreements.ofCustomer(customerId)
			.stream()
			.filter((agreement) -> agreement.status() != AgreementStatus.TERMINATED)
			.map(Agreement::id)
			.toList();
		if (!inForce.isEmpty()) {
			throw new ApiProblemException(ProblemType.CONFLICT,
					"Customer " + id + " still has agreements in force; terminate them before erasing the customer.",
					Map.of("agreementsInForce", inForce));
		}
		PartyErasureApi.Erasure interactionErasure = this.interactions.erase(id);
		Instant now = this.clock.instant();
		this.transaction.executeWithoutResult((status) -> {
			this.customers.erase(customerId, interactionErasure.pseudonym(), now, current.subject());
			this.requests.record(customerId, PrivacyRequests.ERASURE, current, now,
					"anonymised the record and " + interactionErasure.interactionsAnonymised() + " interaction(s)");
		});
		return new ErasureReceipt(id, interactionErasure.pseudonym(), interactionErasure.interactionsAnonymised(), now);
	}

	/**
	 * TMF629 {@code DELETE}: the customer is erased, here and in the interaction log,
	 * under the same conditions as {@link #erase} (409 while an agreement is in force),
	 * and taken off the API, which answers 404 for it from then on. Its record, audit
	 * trail and privacy requests stay: deleting is erasing, not forgetting that there was
	 * a customer.
	 */
	void delete(String id) {
		UUID customerId = ApiResponses.parseId(id)
			.filter(this.customers::isOnApi)
			.orElseThrow(() -> ApiProblemException.notFound("customer", id));
		erase(id);
		this.customers.delete(customerId, this.clock.instant(), this.caller.get().subject());
	}

	List<PrivacyRequest> requestsOf(String id) {
		return this.requests.of(existing(id));
	}

	private UUID existing(String id) {
		return ApiResponses.parseId(id)
			.filter((customerId) -> this.customers.statusOf(customerId).isPresent())
			.orElseThrow(() -> ApiProblemException.notFound("customer", id));
	}

	/**
	 * Everything held about a customer, as one document.
	 *
	 * @param exportedBy the token subject of who asked for it
	 * @param party the individual or organization the customer engages, when the
	 * inventory holds it
	 */
	record CustomerDataExport(Instant exportedAt, String exportedBy, Customer customer, Party party,
			List<Agreement> agreement, List<PartyInteraction> partyInteraction) {
	}

	/**
	 * @param pseudonym what the customer is called from now on, here and in the
	 * interaction log
	 */
	record ErasureReceipt(String customerId, String pseudonym, int interactionsAnonymised, Instant erasedAt) {
	}

}
