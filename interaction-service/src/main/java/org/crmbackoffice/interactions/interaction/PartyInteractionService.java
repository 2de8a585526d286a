package org.crmbackoffice.interactions.interaction;

import java.time.Clock;

import org.crmbackoffice.interactions.customer.CustomerReferences;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.security.Caller;
import org.crmbackoffice.support.security.CurrentCaller;
import org.crmbackoffice.support.web.ApiResponses;
import org.crmbackoffice.support.web.OffsetLimit;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the interaction log. Answers with wire records, mapped while the stored data is at hand. A business
 * partner logs and sees only interactions it takes part in; any other is as unknown to it as one that does not
 * exist.
 */
@Service
class PartyInteractionService {

	private final PartyInteractionRepository interactions;

	private final CustomerReferences customerReferences;

	private final CurrentCaller caller;

	private final Clock clock;

	PartyInteractionService(PartyInteractionRepository interactions, CustomerReferences customerReferences,
			CurrentCaller caller, Clock clock) {
		this.interactions = interactions;
		this.customerReferences = customerReferences;
		this.caller = caller;
		this.clock = clock;
	}

	/**
	 * Logs a new interaction once the customer inventory confirmed its customers. Deliberately not one
	 * transaction: a slow inventory must not hold a database connection; the save is a transaction of its own.
	 */
	PartyInteraction create(PartyInteractionCreate request) {
		Caller current = this.caller.get();
		if (current.isPartner() && request.relatedParty()
			.stream()
			.noneMatch((party) -> party.partyOrPartyRole().id().equals(current.partyId()))) {
			throw new ApiProblemException(ProblemType.FORBIDDEN,
					"A business partner logs only interactions it takes part in: name party " + current.partyId()
							+ " among the related parties.");
		}
		this.customerReferences.verifyCustomersExist(request.relatedParty());
		PartyInteractionEntity saved = this.interactions
			.save(PartyInteractionMapper.newInteraction(request, this.clock.instant(), current.subject()));
		return PartyInteractionMapper.toResource(saved);
	}

	@Transactional(readOnly = true)
	PartyInteraction retrieve(String id) {
		Caller current = this.caller.get();
		return ApiResponses.parseId(id)
			.flatMap(this.interactions::findById)
			.filter((interaction) -> !current.isPartner() || interaction.involvesParty(current.partyId()))
			.map(PartyInteractionMapper::toResource)
			.orElseThrow(() -> ApiProblemException.notFound("party interaction", id));
	}

	@Transactional(readOnly = true)
	Page<PartyInteraction> list(OffsetLimit page) {
		Caller current = this.caller.get();
		if (!current.isPartner()) {
			return this.interactions.findAll(page).map(PartyInteractionMapper::toResource);
		}
		if (current.partyId() == null) {
			return Page.empty(page);
		}
		return this.interactions.findInvolvingParty(current.partyId(), page).map(PartyInteractionMapper::toResource);
	}

}
