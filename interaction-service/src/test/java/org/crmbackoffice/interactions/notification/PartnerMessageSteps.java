package org.crmbackoffice.interactions.notification;

import java.util.List;
import java.util.Map;

import org.crmbackoffice.interactions.interaction.InteractionFixtures;
import org.crmbackoffice.model.interaction.InteractionHistoryEntry;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionApi;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.TestIssuer;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What the partner message tests do through the API as an agent would (log an
 * interaction, move it on, read its track record), and what they read back from the
 * message table, which no API exposes.
 */
final class PartnerMessageSteps {

	private final RestTestClient client;

	private final JdbcTemplate jdbc;

	PartnerMessageSteps(RestTestClient client, JdbcTemplate jdbc) {
		this.client = client;
		this.jdbc = jdbc;
	}

	PartyInteraction logComplaintFrom(String customerId) {
		return this.client.post()
			.uri(PartyInteractionApi.BASE_PATH)
			.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.AGENT)))
			.contentType(MediaType.APPLICATION_JSON)
			.body(InteractionFixtures.complaintFromCustomer(customerId))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * Logs a complaint and makes it wait for the partner, which owes the partner a
	 * message.
	 */
	PartyInteraction complaintWaitingFor(String customerId) {
		PartyInteraction logged = logComplaintFrom(customerId);
		patch(logged.href(), "{\"status\": \"waitingForPartner\"}");
		return logged;
	}

	void patch(String href, String mergePatch) {
		this.client.patch()
			.uri(href)
			.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.AGENT)))
			.contentType(MediaType.parseMediaType("application/merge-patch+json"))
			.body(mergePatch)
			.exchange()
			.expectStatus()
			.isOk();
	}

	List<InteractionHistoryEntry> history(PartyInteraction interaction) {
		return this.client.get()
			.uri(interaction.href() + "/history")
			.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.AGENT)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<InteractionHistoryEntry>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	List<String> actionsInHistoryOf(PartyInteraction interaction) {
		return history(interaction).stream().map(InteractionHistoryEntry::action).toList();
	}

	/** The one message the interaction owes its partner, as stored. */
	Map<String, Object> messageAbout(PartyInteraction interaction) {
		return this.jdbc.queryForMap("""
				select state, attempts, channel, recipient, provider_message_id, error,
				       next_attempt_at > now() as waits
				from partner_message where interaction_id = ?::uuid""", interaction.id());
	}

	/** As if the wait for the next attempt had passed. */
	void makeDueAgain(PartyInteraction interaction) {
		this.jdbc.update("update partner_message set next_attempt_at = now() where interaction_id = ?::uuid",
				interaction.id());
	}

}
