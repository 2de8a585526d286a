package org.crmbackoffice.interactions.interaction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.crmbackoffice.interactions.history.InteractionHistory;
import org.crmbackoffice.model.interaction.PartyErasureApi.Erasure;
import org.crmbackoffice.support.hub.EventPublisher;
import org.crmbackoffice.support.security.Caller;
import org.crmbackoffice.support.security.CurrentCaller;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * GDPR erasure of a party from the interaction log. Interactions are never deleted: they
 * are anonymised, the party becoming a pseudonym that is the same in all of them (so they
 * still belong together), free texts blanked in the interactions, in their track records,
 * in the events kept in the outbox and in the progress messages sent. The erasure itself
 * is recorded in each track record.
 */
@Service
class PartyErasure {

	/**
	 * Attributes whose values may hold personal data, blanked in the track record too.
	 */
	private static final Set<String> PERSONAL = Set.of("description", "note", "relatedParty", "attachment",
			"externalIdentifier", "interactionItem", "outboundNotification");

	private final PartyInteractionRepository interactions;

	private final InteractionHistory history;

	private final JdbcTemplate jdbc;

	private final EventPublisher events;

	private final CurrentCaller caller;

	private final Clock clock;

	PartyErasure(PartyInteractionRepository interactions, InteractionHistory history, JdbcTemplate jdbc,
			EventPublisher events, CurrentCaller caller, Clock clock) {
		this.interactions = interactions;
		this.history = history;
		this.jdbc = jdbc;
		this.events = events;
		this.caller = caller;
		this.clock = clock;
	}

	@Transactional
	Erasure erase(String partyId) {
		Caller current = this.caller.get();
		Instant now = this.clock.instant();
		String pseudonym = pseudonymOf(partyId);
		List<UUID> involved = this.jdbc.queryForList(
				"select distinct interaction_id from party_interaction_related_party where party_id = ?", UUID.class,
				partyId);
		for (UUID id : involved) {
			PartyInteractionEntity interaction = this.interactions.findById(id).orElseThrow();
			interaction.erase(partyId, pseudonym, now, current.subject());
			this.history.scrub(id, PERSONAL, PartyInteractionEntity.ERASED);
			this.history.recordOutbound(id, "erased", current, null, List.of(), now);
			this.events.forget(id.toString());
			this.jdbc.update("update partner_message set recipient = null, error = null where interaction_id = ?", id);
		}
		this.interactions.flush();
		return new Erasure(pseudonym, involved.size());
	}

	/**
	 * The same party always gets the same pseudonym, and the pseudonym does not reveal
	 * the party.
	 */
	static String pseudonymOf(String partyId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(partyId.getBytes(StandardCharsets.UTF_8));
			return "erased-" + HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
