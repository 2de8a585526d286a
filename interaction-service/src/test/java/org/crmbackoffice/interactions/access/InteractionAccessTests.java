package org.crmbackoffice.interactions.access;

import java.util.List;

import org.crmbackoffice.model.common.ChannelRef;
import org.crmbackoffice.model.interaction.PartyRefOrPartyRoleRef;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.support.security.ResourceServerSecurity;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.EndpointGuard;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role gets exactly what the interaction service's role table grants, and a business
 * partner only ever sees interactions it takes part in. The interactions here name no
 * customer, so the inventory is not involved.
 */
@ApiIntegrationTest
class InteractionAccessTests {

	private static final String BASE = "/tmf-api/partyInteraction/v5/partyInteraction";

	private static final TestIssuer issuer = TestIssuer.shared();

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	private PartyInteraction existing;

	@BeforeEach
	void logAnInteraction() {
		this.existing = log(this.client, issuer.tokenFor(Roles.AGENT), callWith("partner-a"));
	}

	@ParameterizedTest(name = "{0} {1} {2} -> {3}")
	@CsvSource({ "agent,                      GET,  list, 200", "agent,                      GET,  one,  200",
			"agent,                      POST, list, 201", "supervisor,                 GET,  one,  200",
			"supervisor,                 POST, list, 201", "admin,                      GET,  one,  200",
			"admin,                      POST, list, 201", "data-steward,               GET,  list, 403",
			"data-steward,               POST, list, 403", "auditor,                    GET,  one,  403",
			"auditor,                    POST, list, 403", "customer-inventory-service, GET,  one,  200",
			"customer-inventory-service, POST, list, 403", "interaction-service,        GET,  list, 403",
			"analyst,                    GET,  list, 403", "analyst,                    GET,  one,  403",
			"no-such-role,               GET,  list, 403" })
	void grantsEachRoleExactlyItsPermissions(String role, HttpMethod method, String target, int expectedStatus) {
		String uri = target.equals("one") ? this.existing.href() : BASE;
		RestTestClient.RequestBodySpec request = this.client.method(method)
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(issuer.tokenFor(role)));
		if (method == HttpMethod.POST) {
			request.contentType(MediaType.APPLICATION_JSON).body(callWith("partner-x"));
		}
		request.exchange().expectStatus().isEqualTo(expectedStatus);
	}

	@Test
	void guardsEveryEndpointWithAPermission(@Autowired RequestMappingHandlerMapping requestMappingHandlerMapping) {
		EndpointGuard.assertEveryEndpointNeedsAPermission(requestMappingHandlerMapping, this.client,
				ResourceServerSecurity.OPEN_PATHS);
	}

	@Test
	void partnerLogsAndSeesOnlyInteractionsItTakesPartIn() {
		String partnerB = issuer.token().roles(Roles.PARTNER).partyId("partner-b").build();

		PartyInteraction own = log(this.client, partnerB, callWith("partner-b"));
		this.client.get()
			.uri(own.href())
			.headers((headers) -> headers.setBearerAuth(partnerB))
			.exchange()
			.expectStatus()
			.isOk();
		for (String foreign : List.of(this.existing.href(), this.existing.href() + "/history")) {
			this.client.get()
				.uri(foreign)
				.headers((headers) -> headers.setBearerAuth(partnerB))
				.exchange()
				.expectStatus()
				.isNotFound();
		}
		this.client.get()
			.uri(BASE + "?limit=1000")
			.headers((headers) -> headers.setBearerAuth(partnerB))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Total-Count", "1")
			.expectBody()
			.jsonPath("$[*].id")
			.isEqualTo(List.of(own.id()));
		this.client.post()
			.uri(BASE)
			.headers((headers) -> headers.setBearerAuth(partnerB))
			.contentType(MediaType.APPLICATION_JSON)
			.body(callWith("partner-a"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:forbidden");
	}

	@Test
	void partnerWhoseTokenNamesNoPartySeesNothing() {
		log(this.client, issuer.tokenFor(Roles.AGENT), callWith("null"));

		this.client.get()
			.uri(BASE + "?limit=1000")
			.headers((headers) -> headers.setBearerAuth(issuer.tokenFor(Roles.PARTNER)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Total-Count", "0");
	}

	@Test
	void recordsWhoLoggedAnInteraction() {
		PartyInteraction logged = log(this.client, issuer.token().subject("agent-smith").roles(Roles.AGENT).build(),
				callWith("partner-z"));

		assertThat(this.jdbc.queryForMap("select created_by, updated_by from party_interaction where id = ?::uuid",
				logged.id()))
			.containsEntry("created_by", "agent-smith")
			.containsEntry("updated_by", "agent-smith");
	}

	/** Logs an interaction with the token's authority; it must be created. */
	static PartyInteraction log(RestTestClient client, String token, PartyInteractionCreate interaction) {
		return client.post()
			.uri(BASE)
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(interaction)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();
	}

	static PartyInteractionCreate callWith(String partyId) {
		return PartyInteractionCreate.of("Web chat about an order", "inbound", "order status",
				List.of(new RelatedChannel("contact", ChannelRef.named("chat"))),
				List.of(new RelatedPartyOrPartyRole("partner",
						new PartyRefOrPartyRoleRef(partyId, null, null, "Organization"))));
	}

}
