package org.crmbackoffice.interactions.interaction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.crmbackoffice.interactions.analytics.InteractionFacts;
import org.crmbackoffice.interactions.history.InteractionHistory;
import org.crmbackoffice.model.interaction.AuthenticationLevel;
import org.crmbackoffice.model.interaction.InteractionHistoryEntry.FieldChange;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.support.security.Caller;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the authentication of an interaction's partner may do to the interaction log: find
 * the interaction it is about, and raise its authentication level with an entry in the
 * track record and a {@code PartyInteractionAttributeValueChangeEvent}. Unlike every
 * other read of the log, finding does not hide the interactions a partner takes no part
 * in: a partner proving itself with a one-time code is about to take part. The caller
 * decides what to tell whom.
 */
@Component
public class PartnerAuthentications {

	private final PartyInteractionRepository interactions;

	private final InteractionHistory history;

	private final InteractionEvents events;

	private final InteractionFacts facts;

	PartnerAuthentications(PartyInteractionRepository interactions, InteractionHistory history,
			InteractionEvents events, InteractionFacts facts) {
		this.interactions = interactions;
		this.history = history;
		this.events = events;
		this.facts = facts;
	}

	/** The interaction as it stands, unless it was deleted from the API. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Subject> find(UUID id) {
		return this.interactions.findById(id)
			.filter((interaction) -> !interaction.isDeleted())
			.map((interaction) -> new Subject(PartyInteractionMapper.toResource(interaction)));
	}

	/**
	 * Makes the interaction's partner {@code authenticated}, records how in the track
	 * record under the action {@code authenticated}, and tells the listeners. Must run in
	 * the transaction that found it authenticatable.
	 * @param partyToAdd the party to name on an interaction that names none yet, or
	 * {@code null}
	 * @param details how it was authenticated, recorded after the changed attributes
	 * @return the interaction as it is now
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public PartyInteraction authenticate(UUID id, String partyToAdd, List<FieldChange> details, Caller caller,
			String channel, Instant now) {
		PartyInteractionEntity entity = this.interactions.findById(id)
			.filter((interaction) -> !interaction.isDeleted())
			.orElseThrow(() -> new IllegalStateException("Interaction " + id + " went away while it was in hand"));
		PartyInteraction before = PartyInteractionMapper.toResource(entity);
		entity.authenticate(partyToAdd, now, caller.subject());
		this.interactions.flush();
		PartyInteraction after = PartyInteractionMapper.toResource(entity);
		this.history.record(before, after, "authenticated", caller, channel, now, details);
		this.facts.refresh(id, List.of());
		this.events.changed(InteractionChange.of(before, after));
		return after;
	}

	/** An interaction a partner may be authenticated on. */
	public record Subject(PartyInteraction interaction) {

		/**
		 * One that names no party yet may be claimed by a partner with a one-time code.
		 */
		public boolean namesAnyParty() {
			return !this.interaction.relatedParty().isEmpty();
		}

		public boolean isAuthenticated() {
			return this.interaction.authenticationLevel() == AuthenticationLevel.AUTHENTICATED;
		}

		public boolean involves(String partyId) {
			return partyId != null
					&& this.interaction.relatedParty().stream().anyMatch((party) -> party.partyId().equals(partyId));
		}

	}

}
