package org.crmbackoffice.interactions.export;

import java.time.OffsetDateTime;
import java.util.List;

import org.crmbackoffice.model.common.ChannelRef;
import org.crmbackoffice.model.interaction.PartyRefOrPartyRoleRef;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;
import org.crmbackoffice.model.common.TimePeriod;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.TestIssuer;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Interactions logged by an agent the way a contact centre would, with individuals (not
 * customers) as parties so the customer inventory is not involved. Each test names its
 * own party so it sees only its own interactions.
 */
final class ExportFixtures {

	static final String INTERACTIONS = "/tmf-api/partyInteraction/v5/partyInteraction";

	private ExportFixtures() {
	}

	static PartyInteractionCreate interaction(String party, String description, String reason, String start,
			String... channels) {
		return new PartyInteractionCreate(null, null, null, description, "inbound", reason, null,
				new TimePeriod(OffsetDateTime.parse(start), null), null, null,
				List.of(channels)
					.stream()
					.map((channel) -> new RelatedChannel("contact",
							new ChannelRef(channel, null, channel, "Channel", null)))
					.toList(),
				List.of(new RelatedPartyOrPartyRole("partner",
						new PartyRefOrPartyRoleRef(party, null, null, "Individual")),
						new RelatedPartyOrPartyRole("agent",
								new PartyRefOrPartyRoleRef("agent-7", null, null, "Individual"))),
				null, null, null, null, null);
	}

	static PartyInteraction log(RestTestClient client, PartyInteractionCreate interaction) {
		return client.post()
			.uri(INTERACTIONS)
			.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.AGENT)))
			.contentType(MediaType.APPLICATION_JSON)
			.body(interaction)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();
	}

	/** A merge patch by an agent, through the given channel. */
	static void patch(RestTestClient client, String id, String patch, String channel) {
		client.patch().uri(INTERACTIONS + "/" + id).headers((headers) -> {
			headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.SUPERVISOR));
			headers.set("X-Channel", channel);
		})
			.contentType(MediaType.parseMediaType("application/merge-patch+json"))
			.body(patch)
			.exchange()
			.expectStatus()
			.isOk();
	}

}
