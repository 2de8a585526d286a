package org.crmbackoffice.inventory.agreement;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.crmbackoffice.inventory.customer.CustomerRecords;
import org.crmbackoffice.model.agreement.Agreement;
import org.crmbackoffice.model.agreement.AgreementCreate;
import org.crmbackoffice.model.agreement.AgreementStatus;
import org.crmbackoffice.model.agreement.AgreementUpdate;
import org.crmbackoffice.model.customer.CustomerStatus;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.idempotency.IdempotencyKeys;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.FieldProblem;
import org.crmbackoffice.support.security.Caller;
import org.crmbackoffice.support.security.CurrentCaller;
import org.crmbackoffice.support.web.ApiResponses;
import org.crmbackoffice.support.web.MergePatcher;
import org.crmbackoffice.support.web.MergePatches;
import org.crmbackoffice.support.web.OffsetLimit;
import tools.jackson.databind.JsonNode;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the agreements established with customers. A business partner sees the agreements
 * of its own customer record only; any other is as unknown to it as one that does not
 * exist.
 */
@Service
@Transactional(readOnly = true)
class AgreementService {

	private final MergePatcher patches;

	private final AgreementRepository agreements;

	private final CustomerRecords customers;

	private final CurrentCaller caller;

	private final IdempotencyKeys idempotencyKeys;

	private final Clock clock;

	private final AgreementEvents events;

	AgreementService(AgreementRepository agreements, CustomerRecords customers, CurrentCaller caller,
			IdempotencyKeys idempotencyKeys, Clock clock, AgreementEvents events, MergePatcher patches) {
		this.patches = patches;
		this.events = events;
		this.agreements = agreements;
		this.customers = customers;
		this.caller = caller;
		this.idempotencyKeys = idempotencyKeys;
		this.clock = clock;
	}

	/**
	 * Establishes an agreement with an existing customer that is not closed. With an
	 * idempotency key, a repeat of the same request answers with the agreement the first
	 * one created.
	 */
	@Transactional
	Created create(AgreementCreate request, String idempotencyKey) {
		Caller current = this.caller.get();
		return this.idempotencyKeys.createOnce(current.subject(), idempotencyKey, request, (firstId) -> {
			Versioned first = retrieve(firstId);
			return new Created(first.agreement(), first.version(), true);
		}, () -> establish(request, current), (created) -> created.agreement().id());
	}

	private Created establish(AgreementCreate request, Caller current) {
		Engagement engagement = Engagement.of(request.engagedParty());
		CustomerStatus customerStatus = this.customers.statusOf(engagement.customerId())
			.orElseThrow(() -> new ApiProblemException(ProblemType.UNKNOWN_REFERENCE,
					"There is no customer " + engagement.customerId() + ".",
					List.of(new FieldProblem(engagement.customerPointer(), "no such customer")), null));
		if (customerStatus == CustomerStatus.CLOSED) {
			throw new ApiProblemException(ProblemType.CONFLICT, "Customer " + engagement.customerId()
					+ " is closed: no agreement can be established with it any more.");
		}
		AgreementEntity agreement = this.agreements.saveAndFlush(new AgreementEntity(engagement.customerId(),
				AgreementMapper.content(request.name(), request.description(), request.agreementType(),
						request.agreementPeriod(), engagement.otherParties(), request.termOrCondition(),
						request.document()),
				this.clock.instant(), current.subject()));
		Agreement created = AgreementMapper.toResource(agreement);
		this.events.created(agreement.customerId(), created);
		return new Created(created, agreement.version(), false);
	}

	Versioned retrieve(String id) {
		AgreementEntity agreement = find(id);
		return new Versioned(AgreementMapper.toResource(agreement), agreement.version());
	}

	/**
	 * Applies a JSON merge patch to the changeable part of the agreement; its status
	 * follows {@link AgreementLifecycle} and its customer stays the same.
	 * @param expectedVersion the version the client read ({@code If-Match}), or
	 * {@code null} to take the current one
	 */
	@Transactional
	Versioned patch(String id, JsonNode patch, Long expectedVersion) {
		AgreementEntity agreement = find(id);
		MergePatches.checkVersion(agreement.version(), expectedVersion);
		Agreement before = AgreementMapper.toResource(agreement);
		AgreementUpdate update = this.patches.apply(AgreementMapper.toUpdate(before), patch, AgreementUpdate.class);
		Engagement engagement = Engagement.of(update.engagedParty());
		if (!engagement.customerId().equals(agreement.customerId())) {
			throw new ApiProblemException(ProblemType.INVALID_REQUEST,
					"An agreement stays with the customer it was established with; terminate it and establish a new "
							+ "one with the other customer.",
					List.of(new FieldProblem(engagement.customerPointer(), "cannot change")), null);
		}
		AgreementLifecycle.checkMove(before.status(), update.status());
		AgreementMapper.apply(agreement, update, engagement.otherParties(), this.clock.instant(),
				this.caller.get().subject());
		this.agreements.flush();
		Agreement after = AgreementMapper.toResource(agreement);
		this.events.changed(agreement.customerId(), before, after);
		return new Versioned(after, agreement.version());
	}

	/**
	 * @param customerId only the agreements of this customer, if given
	 * @param status only agreements in this status, if given
	 */
	Page<Agreement> list(UUID customerId, AgreementStatus status, OffsetLimit page) {
		Caller current = this.caller.get();
		UUID only = customerId;
		if (current.isPartner()) {
			Optional<UUID> own = ApiResponses.parseId(String.valueOf(current.partyId()));
			if (own.isEmpty() || (customerId != null && !customerId.equals(own.get()))) {
				return new PageImpl<>(List.of(), page, 0);
			}
			only = own.get();
		}
		return this.agreements.findAllBy(only, (status != null) ? status.value() : null, page)
			.map(AgreementMapper::toResource);
	}

	private AgreementEntity find(String id) {
		Caller current = this.caller.get();
		return ApiResponses.parseId(id)
			.flatMap(this.agreements::findById)
			.filter((agreement) -> !current.isPartner() || agreement.customerId().toString().equals(current.partyId()))
			.orElseThrow(() -> ApiProblemException.notFound("agreement", id));
	}

	/** An agreement with the version its {@code ETag} names. */
	record Versioned(Agreement agreement, long version) {
	}

	/**
	 * The answer to a create: {@code replayed} when an earlier request with the same key
	 * created it.
	 */
	record Created(Agreement agreement, long version, boolean replayed) {
	}

}
