package org.crmbackoffice.interactions.analytics;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.crmbackoffice.model.common.ChannelRef;
import org.crmbackoffice.model.interaction.PartyRefOrPartyRoleRef;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;
import org.crmbackoffice.model.common.TimePeriod;
import org.crmbackoffice.model.interaction.InteractionRelationship;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionApi;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The analytics against a fixture computed by hand. Five interactions of one partner in
 * March 2019, a month no other test uses: <pre>
 * A  phone          billing  inbound   04 09:00-09:10  completed at once            CSAT 5, NPS 10
 * B  phone          billing  inbound   05 10:00-10:30  waited for back office, done CSAT 2, NPS 3
 * C  email + phone  outage   inbound   06 08:00-09:00  completed, followed up by D  CSAT 4
 * D  chat           outage   outbound  12 12:00        follow-up of C, still open
 * E  phone          billing  inbound   13 15:00        cancelled
 * </pre>
 */
@ApiIntegrationTest
class InteractionAnalyticsTests {

	private static final String RANGE = "from=2019-03-01T00:00:00Z&to=2019-04-01T00:00:00Z";

	private static final TestIssuer issuer = TestIssuer.shared();

	static String party;

	RestTestClient client;

	@Autowired
	void authenticateAsSupervisor(RestTestClient client) {
		this.client = client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(issuer.tokenFor(Roles.SUPERVISOR)))
			.build();
	}

	@BeforeEach
	void logTheFixtureOnce() {
		if (party != null) {
			return;
		}
		party = "ind-analytics-" + UUID.randomUUID();
		PartyInteraction a = log("billing", "inbound", "2019-03-04T09:00:00Z", "2019-03-04T09:10:00Z", List.of(),
				"phone");
		PartyInteraction b = log("billing", "inbound", "2019-03-05T10:00:00Z", "2019-03-05T10:30:00Z", List.of(),
				"phone");
		PartyInteraction c = log("outage", "inbound", "2019-03-06T08:00:00Z", "2019-03-06T09:00:00Z", List.of(),
				"email", "phone");
		log("outage", "outbound", "2019-03-12T12:00:00Z", null,
				List.of(new InteractionRelationship("followUpOf", c.id())), "chat");
		PartyInteraction e = log("billing", "inbound", "2019-03-13T15:00:00Z", null, List.of(), "phone");
		patch(a, "{\"status\": \"completed\"}");
		patch(b, "{\"status\": \"waitingForBackOffice\"}");
		patch(b, "{\"status\": \"inProgress\"}");
		patch(b, "{\"status\": \"completed\"}");
		patch(c, "{\"status\": \"completed\"}");
		patch(e, "{\"status\": \"cancelled\"}");
		rate(a, "{\"csat\": 5, \"nps\": 10}");
		rate(b, "{\"csat\": 2, \"nps\": 3, \"feedback\": \"Took three calls\"}");
		rate(c, "{\"csat\": 4}");
	}

	@Test
	void figuresOfARangeMatchTheHandComputedFixture() {
		this.client.get()
			.uri(AnalyticsController.PATH + "/interaction?" + RANGE)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1)
			.jsonPath("$[0].figures.interactions")
			.isEqualTo(5)
			.jsonPath("$[0].figures.completed")
			.isEqualTo(3)
			.jsonPath("$[0].figures.meanHandlingSeconds")
			.isEqualTo(2000.0)
			.jsonPath("$[0].figures.p90HandlingSeconds")
			.isEqualTo(3240.0)
			.jsonPath("$[0].figures.firstContactResolutionRate")
			.value(Double.class, (rate) -> assertThat(rate).isCloseTo(1.0 / 3, within(1e-9)))
			.jsonPath("$[0].figures.reopenRate")
			.value(Double.class, (rate) -> assertThat(rate).isCloseTo(1.0 / 3, within(1e-9)))
			.jsonPath("$[0].figures.multiChannelShare")
			.isEqualTo(0.2)
			.jsonPath("$[0].figures.csatResponses")
			.isEqualTo(3)
			.jsonPath("$[0].figures.meanCsat")
			.value(Double.class, (mean) -> assertThat(mean).isCloseTo(11.0 / 3, within(1e-9)))
			.jsonPath("$[0].figures.npsResponses")
			.isEqualTo(2)
			.jsonPath("$[0].figures.nps")
			.isEqualTo(0.0);
	}

	@Test
	void groupsByChannelAndByWeek() {
		this.client.get()
			.uri(AnalyticsController.PATH + "/interaction?" + RANGE + "&groupBy=channel")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].group.channel")
			.isEqualTo(List.of("chat", "email", "phone"))
			.jsonPath("$[0].figures.interactions")
			.isEqualTo(1)
			.jsonPath("$[0].figures.completed")
			.isEqualTo(0)
			.jsonPath("$[0].figures.meanHandlingSeconds")
			.doesNotExist()
			.jsonPath("$[0].figures.firstContactResolutionRate")
			.doesNotExist()
			.jsonPath("$[1].figures.multiChannelShare")
			.isEqualTo(1.0)
			.jsonPath("$[1].figures.reopenRate")
			.isEqualTo(1.0)
			.jsonPath("$[1].figures.meanHandlingSeconds")
			.isEqualTo(3600.0)
			.jsonPath("$[2].figures.interactions")
			.isEqualTo(3)
			.jsonPath("$[2].figures.meanHandlingSeconds")
			.isEqualTo(1200.0)
			.jsonPath("$[2].figures.firstContactResolutionRate")
			.isEqualTo(0.5)
			.jsonPath("$[2].figures.meanCsat")
			.isEqualTo(3.5)
			.jsonPath("$[2].figures.nps")
			.isEqualTo(0.0);
		this.client.get()
			.uri(AnalyticsController.PATH + "/interaction?" + RANGE + "&groupBy=week,direction")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].group.week")
			.isEqualTo(List.of("2019-03-04", "2019-03-11", "2019-03-11"))
			.jsonPath("$[*].group.direction")
			.isEqualTo(List.of("inbound", "inbound", "outbound"))
			.jsonPath("$[*].figures.interactions")
			.isEqualTo(List.of(3, 1, 1));
	}

	@Test
	void profilesAPartner() {
		this.client.get()
			.uri(AnalyticsController.PATH + "/party/" + party + "?" + RANGE)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.interactions")
			.isEqualTo(5)
			.jsonPath("$.firstInteraction")
			.isEqualTo("2019-03-04T09:00:00Z")
			.jsonPath("$.lastInteraction")
			.isEqualTo("2019-03-13T15:00:00Z")
			.jsonPath("$.interactionsPerMonth")
			.value(Double.class,
					(perMonth) -> assertThat(perMonth).isCloseTo(5 / (31 * 86400 / 2629746.0), within(1e-9)))
			.jsonPath("$.channelPreference[*].channel")
			.isEqualTo(List.of("phone", "chat", "email"))
			.jsonPath("$.channelPreference[0].share")
			.isEqualTo(0.6)
			.jsonPath("$.openInteractions")
			.isEqualTo(1)
			.jsonPath("$.satisfactionTrend[0].month")
			.isEqualTo("2019-03")
			.jsonPath("$.satisfactionTrend[0].csatResponses")
			.isEqualTo(3)
			.jsonPath("$.satisfactionTrend[0].npsResponses")
			.isEqualTo(2)
			.jsonPath("$.satisfactionTrend[0].nps")
			.isEqualTo(0.0);
	}

	@Test
	void refusesBadRangesAndGroupingsAndOtherRoles() {
		for (String query : List.of("groupBy=colour", "groupBy=channel,reason,week",
				"from=2019-04-01T00:00:00Z&to=2019-03-01T00:00:00Z",
				"from=2010-01-01T00:00:00Z&to=2019-01-01T00:00:00Z", "from=yesterday")) {
			this.client.get()
				.uri(AnalyticsController.PATH + "/interaction?" + query)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}
		for (String role : List.of(Roles.AGENT, Roles.PARTNER, Roles.DATA_STEWARD)) {
			this.client.get()
				.uri(AnalyticsController.PATH + "/interaction")
				.headers((headers) -> headers.setBearerAuth(issuer.tokenFor(role)))
				.exchange()
				.expectStatus()
				.isForbidden();
		}
	}

	private PartyInteraction log(String reason, String direction, String start, String end,
			List<InteractionRelationship> relationships, String... channels) {
		PartyInteractionCreate request = new PartyInteractionCreate(null, null, null, null, direction, reason, null,
				new TimePeriod(OffsetDateTime.parse(start), (end != null) ? OffsetDateTime.parse(end) : null), null,
				null,
				Arrays.stream(channels).map((name) -> new RelatedChannel("contact", ChannelRef.named(name))).toList(),
				List.of(new RelatedPartyOrPartyRole("partner",
						new PartyRefOrPartyRoleRef(party, null, null, "Individual"))),
				null, relationships, null, null, null);
		return this.client.post()
			.uri(PartyInteractionApi.BASE_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.body(request)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();
	}

	private void patch(PartyInteraction interaction, String body) {
		this.client.patch()
			.uri(interaction.href())
			.contentType(MediaType.parseMediaType("application/merge-patch+json"))
			.body(body)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private void rate(PartyInteraction interaction, String answer) {
		this.client.post()
			.uri("/interaction/v1/partyInteraction/" + interaction.id() + "/satisfaction")
			.contentType(MediaType.APPLICATION_JSON)
			.body(answer)
			.exchange()
			.expectStatus()
			.isCreated();
	}

}
