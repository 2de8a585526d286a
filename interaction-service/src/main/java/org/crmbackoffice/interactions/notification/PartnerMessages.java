package org.crmbackoffice.interactions.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;
import org.crmbackoffice.model.interaction.PartyInteraction;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Notes the progress messages a status change owes the interaction's customers. */
@Component
public class PartnerMessages {

	static final String REMINDER = "reminder";

	private final JdbcTemplate jdbc;

	private final PartnerMessageProperties properties;

	private final Clock clock;

	PartnerMessages(JdbcTemplate jdbc, PartnerMessageProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Must run in the transaction of the change, so the message is owed exactly when the
	 * change commits.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void oweFor(PartyInteraction before, PartyInteraction after) {
		if (before.status() == after.status() || !this.properties.onStatus().contains(after.status().value())) {
			return;
		}
		owe(after, after.status().value());
	}

	/** Tells the customers an overdue or stalled interaction has not been forgotten. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void oweReminder(PartyInteraction interaction) {
		owe(interaction, REMINDER);
	}

	private void owe(PartyInteraction after, String topic) {
		Instant now = this.clock.instant();
		for (RelatedPartyOrPartyRole party : after.relatedParty()) {
			if (party.isCustomer()) {
				this.jdbc.update("""
						insert into partner_message (interaction_id, customer_id, status, state, attempts,
						                             next_attempt_at, created_at)
						values (?, ?, ?, 'pending', 0, ?, ?)""", UUID.fromString(after.id()),
						party.partyOrPartyRole().id(), topic, Timestamp.from(now), Timestamp.from(now));
			}
		}
	}

}
