package org.crmbackoffice.interactions.interaction;

import java.time.Clock;

import org.crmbackoffice.interactions.customer.CustomerReferences;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.web.ApiResponses;
import org.crmbackoffice.support.web.OffsetLimit;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the interaction log. Answers with wire records, mapped while the stored data is at hand. */
@Service
class PartyInteractionService {

	private final PartyInteractionRepository interactions;

	private final CustomerReferences customerReferences;

	private final Clock clock;

	PartyInteractionService(PartyInteractionRepository interactions, CustomerReferences customerReferences,
			Clock clock) {
		this.interactions = interactions;
		this.customerReferences = customerReferences;
		this.clock = clock;
	}

	/**
	 * Logs a new interaction once the customer inventory confirmed its customers. Deliberately not one
	 * transaction: a slow inventory must not hold a database connection; the save is a transaction of its own.
	 */
	PartyInteraction create(PartyInteractionCreate request) {
		this.customerReferences.verifyCustomersExist(request.relatedParty());
		PartyInteractionEntity saved = this.interactions
			.save(PartyInteractionMapper.newInteraction(request, this.clock.instant()));
		return PartyInteractionMapper.toResource(saved);
	}

	@Transactional(readOnly = true)
	PartyInteraction retrieve(String id) {
		return ApiResponses.parseId(id).flatMap(this.interactions::findById)
			.map(PartyInteractionMapper::toResource)
			.orElseThrow(() -> ApiProblemException.notFound("party interaction", id));
	}

	@Transactional(readOnly = true)
	Page<PartyInteraction> list(OffsetLimit page) {
		return this.interactions.findAll(page).map(PartyInteractionMapper::toResource);
	}

}
