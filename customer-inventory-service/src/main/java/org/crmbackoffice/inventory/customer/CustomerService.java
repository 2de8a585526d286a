package org.crmbackoffice.inventory.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.crmbackoffice.inventory.access.InventoryAccess;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerCreate;
import org.crmbackoffice.model.customer.CustomerStatus;
import org.crmbackoffice.model.customer.CustomerUpdate;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.idempotency.IdempotencyKeys;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.security.Caller;
import org.crmbackoffice.support.security.CurrentCaller;
import org.crmbackoffice.support.web.ApiResponses;
import org.crmbackoffice.support.web.MergePatcher;
import org.crmbackoffice.support.web.MergePatches;
import org.crmbackoffice.support.web.OffsetLimit;
import tools.jackson.databind.JsonNode;

import org.springframework.data.domain.Page;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the customer records. Answers with wire records, mapped while the stored data is
 * at hand. A business partner sees its own record only; any other id is as unknown to it
 * as one that does not exist.
 */
@Service
@Transactional(readOnly = true)
class CustomerService {

	private final MergePatcher patches;

	private final CustomerRepository customers;

	private final CustomerSearch search;

	private final ContactMedia contactMedia;

	private final CurrentCaller caller;

	private final IdempotencyKeys idempotencyKeys;

	private final Clock clock;

	private final AgreementRefs agreements;

	private final CustomerEvents events;

	private final EngagedParties engagedParties;

	CustomerService(CustomerRepository customers, CustomerSearch search, ContactMedia contactMedia,
			CurrentCaller caller, IdempotencyKeys idempotencyKeys, Clock clock, AgreementRefs agreements,
			CustomerEvents events, EngagedParties engagedParties, MergePatcher patches) {
		this.patches = patches;
		this.customers = customers;
		this.engagedParties = engagedParties;
		this.search = search;
		this.contactMedia = contactMedia;
		this.agreements = agreements;
		this.events = events;
		this.caller = caller;
		this.idempotencyKeys = idempotencyKeys;
		this.clock = clock;
	}

	/**
	 * Creates a customer. With an idempotency key, a repeat of the same request answers
	 * with the customer the first one created; a concurrent repeat fails on the key and
	 * is rolled back, and its client's retry gets the first customer.
	 */
	@Transactional
	Created create(CustomerCreate request, String idempotencyKey) {
		Caller current = this.caller.get();
		return this.idempotencyKeys.createOnce(current.subject(), idempotencyKey, request, (firstId) -> {
			Versioned first = retrieve(firstId);
			return new Created(first.customer(), first.version(), true);
		}, () -> {
			String dataSource = (request.dataSource() != null) ? request.dataSource() : current.clientId();
			CustomerEntity customer = this.customers.saveAndFlush(CustomerMapper.newCustomer(request,
					this.engagedParties.forNewCustomer(request.engagedParty(), dataSource),
					this.contactMedia.normalised(request.contactMedium()), this.clock.instant(), current.subject(),
					dataSource));
			Customer created = CustomerMapper.toResource(customer, List.of());
			this.events.created(created);
			return new Created(created, customer.version(), false);
		}, (created) -> created.customer().id());
	}

	Versioned retrieve(String id) {
		CustomerEntity customer = visible(ApiResponses.parseId(id)).flatMap(this.customers::findById)
			.filter((found) -> found.deletedAt() == null)
			.orElseThrow(() -> ApiProblemException.notFound("customer", id));
		return new Versioned(CustomerMapper.toResource(customer, this.agreements.of(customer.id())),
				customer.version());
	}

	/**
	 * Applies a JSON merge patch to the changeable part of the customer; its status
	 * follows {@link CustomerLifecycle}, and only callers who may close customers close
	 * one.
	 * @param expectedVersion the version the client read ({@code If-Match}), or
	 * {@code null} to take the current one
	 */
	@Transactional
	Versioned patch(String id, JsonNode patch, Long expectedVersion) {
		return change(id, (before) -> this.patches.apply(CustomerMapper.toUpdate(before), patch, CustomerUpdate.class),
				expectedVersion);
	}

	/**
	 * Changes the customer to what the given function makes of it, e.g. a merge patch of
	 * another API version.
	 * @param change from the customer as it is to its changeable part as it should be
	 */
	@Transactional
	Versioned change(String id, Function<Customer, CustomerUpdate> change, Long expectedVersion) {
		Caller current = this.caller.get();
		CustomerEntity customer = visible(ApiResponses.parseId(id)).flatMap(this.customers::findById)
			.filter((found) -> found.deletedAt() == null)
			.orElseThrow(() -> ApiProblemException.notFound("customer", id));
		if (customer.erasedAt() != null) {
			throw new ApiProblemException(ProblemType.CONFLICT,
					"Customer " + id + " was erased on request and cannot change any more.");
		}
		MergePatches.checkVersion(customer.version(), expectedVersion);
		Customer before = CustomerMapper.toResource(customer, this.agreements.of(customer.id()));
		CustomerUpdate update = change.apply(before);
		if (update.status() == CustomerStatus.CLOSED && before.status() != CustomerStatus.CLOSED
				&& !current.may(InventoryAccess.CUSTOMER_CLOSE)) {
			throw new ApiProblemException(ProblemType.FORBIDDEN, "Your roles do not allow closing customers.");
		}
		CustomerLifecycle.checkMove(before.status(), update.status());
		Instant now = this.clock.instant();
		ResolvedParty engagedParty = update.engagedParty().equals(before.engagedParty())
				? new ResolvedParty(customer.engagedParty(), customer.partyId())
				: this.engagedParties.forChange(update.engagedParty());
		CustomerMapper.apply(customer, update, engagedParty, this.contactMedia.normalised(update.contactMedium()), now,
				current.subject());
		this.customers.flush();
		Customer after = CustomerMapper.toResource(customer, before.agreement());
		this.events.changed(before, after);
		return new Versioned(after, customer.version());
	}

	/**
	 * One page of the customers the query finds, with their total. A business partner's
	 * list holds at most its own record, if the query finds it.
	 */
	Page<Customer> list(CustomerQuery query, OffsetLimit page) {
		Caller current = this.caller.get();
		CustomerQuery visible = query;
		if (current.isPartner()) {
			Optional<UUID> own = ApiResponses.parseId(String.valueOf(current.partyId()));
			if (own.isEmpty()) {
				return Page.empty(page);
			}
			visible = query.onlyCustomer(own.get());
		}
		List<UUID> ids = this.search.idsOf(visible, page.getOffset(), page.getPageSize());
		Map<UUID, CustomerEntity> found = this.customers.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(CustomerEntity::id, Function.identity()));
		Map<UUID, List<EntityRef>> agreementsOfPage = this.agreements.of(ids);
		List<Customer> content = ids.stream()
			.map(found::get)
			.filter(Objects::nonNull)
			.map((customer) -> CustomerMapper.toResource(customer,
					agreementsOfPage.getOrDefault(customer.id(), List.of())))
			.toList();
		CustomerQuery counted = visible;
		return PageableExecutionUtils.getPage(content, page, () -> this.search.count(counted));
	}

	private Optional<UUID> visible(Optional<UUID> id) {
		Caller current = this.caller.get();
		return current.isPartner() ? id.filter((candidate) -> candidate.toString().equals(current.partyId())) : id;
	}

	/** A customer with the version its {@code ETag} names. */
	record Versioned(Customer customer, long version) {
	}

	/**
	 * The answer to a create: {@code replayed} when an earlier request with the same key
	 * created it.
	 */
	record Created(Customer customer, long version, boolean replayed) {
	}

}
