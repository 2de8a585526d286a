package org.crmbackoffice.interactions.interaction;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.crmbackoffice.interactions.customer.CustomerReferences;
import org.crmbackoffice.interactions.customer.CustomerVerification;
import org.crmbackoffice.interactions.history.InteractionHistory;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes the customer checks that could not be made when interactions were logged, as
 * soon as the customer inventory answers again. The outcome ({@code verified} or
 * {@code rejected}) goes into each interaction's track record. Several instances may run
 * it: each applies its outcome with the interaction's optimistic lock, so a check is
 * recorded once.
 */
@Component
class PendingCustomerChecks {

	private static final Logger log = LoggerFactory.getLogger(PendingCustomerChecks.class);

	private static final Caller SERVICE = Caller.system("interaction-service");

	private static final int BATCH = 50;

	private final PartyInteractionRepository interactions;

	private final CustomerReferences customerReferences;

	private final InteractionHistory history;

	private final InteractionEvents events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	PendingCustomerChecks(PartyInteractionRepository interactions, CustomerReferences customerReferences,
			InteractionHistory history, InteractionEvents events, Clock clock,
			PlatformTransactionManager transactions) {
		this.interactions = interactions;
		this.customerReferences = customerReferences;
		this.history = history;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Scheduled(fixedDelayString = "${crm.interaction.customer-check-retry:PT1M}")
	void checkPending() {
		List<PartyInteraction> pending = this.transaction.execute((status) -> this.interactions
			.findByCustomerCheckOrderByCreatedAt(CustomerCheck.PENDING, Limit.of(BATCH))
			.stream()
			.map(PartyInteractionMapper::toResource)
			.toList());
		for (PartyInteraction interaction : pending) {
			CustomerCheck outcome = outcomeFor(interaction);
			if (outcome == CustomerCheck.PENDING) {
				return;
			}
			this.transaction.executeWithoutResult((status) -> record(UUID.fromString(interaction.id()), outcome));
		}
	}

	private CustomerCheck outcomeFor(PartyInteraction interaction) {
		try {
			CustomerVerification verification = this.customerReferences.verify(interaction.relatedParty());
			return (verification == CustomerVerification.VERIFIED) ? CustomerCheck.VERIFIED : CustomerCheck.PENDING;
		}
		catch (ApiProblemException ex) {
			if (ex.type() == ProblemType.UNKNOWN_REFERENCE) {
				log.warn("Interaction {} names customers the inventory does not know: {}", interaction.id(),
						ex.errors());
				return CustomerCheck.REJECTED;
			}
			throw ex;
		}
	}

	private void record(UUID id, CustomerCheck outcome) {
		PartyInteractionEntity interaction = this.interactions.findById(id).orElseThrow();
		if (interaction.customerCheck() != CustomerCheck.PENDING) {
			return;
		}
		PartyInteraction before = PartyInteractionMapper.toResource(interaction);
		Instant now = this.clock.instant();
		interaction.customerCheckCompleted(outcome, now);
		this.interactions.flush();
		PartyInteraction after = PartyInteractionMapper.toResource(interaction);
		this.history.record(before, after, "customerChecked", SERVICE, null, now);
		this.events.changed(InteractionChange.of(before, after));
	}

}
