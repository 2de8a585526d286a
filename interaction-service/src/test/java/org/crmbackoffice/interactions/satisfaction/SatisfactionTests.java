package org.crmbackoffice.interactions.satisfaction;

import java.util.List;
import java.util.UUID;

import org.crmbackoffice.model.common.ChannelRef;
import org.crmbackoffice.model.interaction.PartyRefOrPartyRoleRef;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;
import org.crmbackoffice.model.interaction.InteractionHistoryEntry;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionApi;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.model.interaction.Satisfaction;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@ApiIntegrationTest
class SatisfactionTests {

	private static final TestIssuer issuer = TestIssuer.shared();

	private final String partnerId = "ind-" + UUID.randomUUID();

	private final String partner = issuer.token()
		.subject("self-service")
		.roles(Roles.PARTNER)
		.partyId(this.partnerId)
		.build();

	private final String agent = issuer.token().subject("agent-ann").roles(Roles.AGENT).build();

	RestTestClient client;

	@Autowired
	void setClient(RestTestClient client) {
		this.client = client;
	}

	@Test
	void aPartnerRatesItsCompletedInteractionOnceAndTheAnswerGoesIntoTheTrackRecord() {
		PartyInteraction interaction = completedInteractionOf(this.partnerId);

		Satisfaction recorded = rate(interaction, this.partner,
				"{\"csat\": 4, \"nps\": 9, \"feedback\": \"Quick fix\"}")
			.expectStatus()
			.isCreated()
			.expectBody(Satisfaction.class)
			.returnResult()
			.getResponseBody();
		assertThat(recorded).extracting("csat", "nps", "feedback", "respondent", "recordedBy")
			.containsExactly(4, 9, "Quick fix", "partner", "self-service");
		assertThat(this.client.get()
			.uri(pathOf(interaction))
			.headers((headers) -> headers.setBearerAuth(this.agent))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Satisfaction.class)
			.returnResult()
			.getResponseBody()).isEqualTo(recorded);
		List<InteractionHistoryEntry> history = this.client.get()
			.uri(interaction.href() + "/history")
			.headers((headers) -> headers.setBearerAuth(this.agent))
			.exchange()
			.expectBody(new ParameterizedTypeReference<List<InteractionHistoryEntry>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(history).last().satisfies((entry) -> {
			assertThat(entry.action()).isEqualTo("satisfactionRecorded");
			assertThat(entry.changedBy()).isEqualTo("self-service");
			assertThat(entry.changes()).extracting("field", "to")
				.containsExactly(tuple("respondent", "partner"), tuple("csat", 4), tuple("nps", 9));
		});

		rate(interaction, this.agent, "{\"csat\": 1}").expectStatus().isEqualTo(409);
	}

	@Test
	void anAgentRecordsTheAnswerOnThePartnersBehalf() {
		PartyInteraction interaction = completedInteractionOf(this.partnerId);

		rate(interaction, this.agent, "{\"nps\": 6}").expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.respondent")
			.isEqualTo("agent")
			.jsonPath("$.csat")
			.doesNotExist();
	}

	@Test
	void refusesAnswersTooEarlyOutOfRangeEmptyOrAboutOthersInteractions() {
		PartyInteraction open = log(this.partnerId);
		rate(open, this.partner, "{\"csat\": 5}").expectStatus().isEqualTo(409);

		PartyInteraction completed = completedInteractionOf(this.partnerId);
		rate(completed, this.partner, "{\"feedback\": \"no score\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/csat");
		rate(completed, this.partner, "{\"csat\": 6, \"nps\": 11}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].pointer")
			.value((List<String> pointers) -> assertThat(pointers).containsExactlyInAnyOrder("/csat", "/nps"));

		PartyInteraction someoneElses = completedInteractionOf("ind-" + UUID.randomUUID());
		rate(someoneElses, this.partner, "{\"csat\": 1}").expectStatus().isNotFound();
		rate(completed, issuer.tokenFor(Roles.AUDITOR), "{\"csat\": 1}").expectStatus().isForbidden();
		this.client.get()
			.uri(pathOf(completed))
			.headers((headers) -> headers.setBearerAuth(this.agent))
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private PartyInteraction completedInteractionOf(String partyId) {
		PartyInteraction interaction = log(partyId);
		this.client.patch()
			.uri(interaction.href())
			.headers((headers) -> headers.setBearerAuth(this.agent))
			.contentType(MediaType.parseMediaType("application/merge-patch+json"))
			.body("{\"status\": \"completed\"}")
			.exchange()
			.expectStatus()
			.isOk();
		return interaction;
	}

	private PartyInteraction log(String partyId) {
		return this.client.post()
			.uri(PartyInteractionApi.BASE_PATH)
			.headers((headers) -> headers.setBearerAuth(this.agent))
			.contentType(MediaType.APPLICATION_JSON)
			.body(PartyInteractionCreate.of("Router keeps rebooting", "inbound", "technical support",
					List.of(new RelatedChannel("contact", ChannelRef.named("phone"))),
					List.of(new RelatedPartyOrPartyRole("partner",
							new PartyRefOrPartyRoleRef(partyId, null, null, "Individual")))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();
	}

	private RestTestClient.ResponseSpec rate(PartyInteraction interaction, String token, String answer) {
		return this.client.post()
			.uri(pathOf(interaction))
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(answer)
			.exchange();
	}

	private static String pathOf(PartyInteraction interaction) {
		return "/interaction/v1/partyInteraction/" + interaction.id() + "/satisfaction";
	}

}
