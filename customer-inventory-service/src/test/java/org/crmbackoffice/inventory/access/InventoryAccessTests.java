package org.crmbackoffice.inventory.access;

import java.time.Instant;
import java.util.List;

import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.customer.CustomerCreate;
import org.crmbackoffice.model.customer.EngagedParty;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.support.security.ResourceServerSecurity;
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
 * Each role gets exactly what the inventory's role table grants, and only tokens of the
 * trusted issuer count.
 */
@ApiIntegrationTest
class InventoryAccessTests {

	private static final TestIssuer issuer = TestIssuer.shared();

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	private Customer existing;

	@BeforeEach
	void createACustomer() {
		this.existing = createCustomer(issuer.tokenFor(Roles.DATA_STEWARD), "Existing Customer");
	}

	@ParameterizedTest(name = "{0} {1} {2} -> {3}")
	@CsvSource({ "agent,                GET,  list, 200", "agent,                GET,  one,  200",
			"agent,                POST, list, 403", "supervisor,           GET,  one,  200",
			"supervisor,           POST, list, 403", "data-steward,         GET,  one,  200",
			"data-steward,         POST, list, 201", "auditor,              GET,  list, 403",
			"auditor,              GET,  one,  403", "auditor,              POST, list, 403",
			"admin,                GET,  one,  200", "admin,                POST, list, 201",
			"interaction-service,  GET,  one,  200", "interaction-service,  POST, list, 403",
			"partner,              POST, list, 403", "no-such-role,         GET,  list, 403" })
	void grantsEachRoleExactlyItsPermissions(String role, HttpMethod method, String target, int expectedStatus) {
		String uri = target.equals("one") ? this.existing.href() : CustomerApi.BASE_PATH;
		RestTestClient.RequestBodySpec request = this.client.method(method)
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(issuer.tokenFor(role)));
		if (method == HttpMethod.POST) {
			request.contentType(MediaType.APPLICATION_JSON).body(newCustomer("Created by " + role));
		}
		request.exchange().expectStatus().isEqualTo(expectedStatus);
	}

	@Test
	void guardsEveryEndpointWithAPermission(@Autowired RequestMappingHandlerMapping requestMappingHandlerMapping) {
		EndpointGuard.assertEveryEndpointNeedsAPermission(requestMappingHandlerMapping, this.client,
				ResourceServerSecurity.OPEN_PATHS);
	}

	@Test
	void partnerSeesItsOwnCustomerRecordAndNoOther() {
		Customer other = createCustomer(issuer.tokenFor(Roles.DATA_STEWARD), "Someone Else");
		String partner = issuer.token().roles(Roles.PARTNER).partyId(this.existing.id()).build();

		this.client.get()
			.uri(this.existing.href())
			.headers((headers) -> headers.setBearerAuth(partner))
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get()
			.uri(other.href())
			.headers((headers) -> headers.setBearerAuth(partner))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:not-found");
		this.client.get()
			.uri(CustomerApi.BASE_PATH + "?limit=1000")
			.headers((headers) -> headers.setBearerAuth(partner))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Total-Count", "1")
			.expectBody()
			.jsonPath("$[*].id")
			.isEqualTo(List.of(this.existing.id()));
	}

	@Test
	void recordsWhoCreatedACustomer() {
		String token = issuer.token().subject("steward-jane").roles(Roles.DATA_STEWARD).build();
		Customer created = createCustomer(token, "Authored Customer");

		assertThat(
				this.jdbc.queryForMap("select created_by, updated_by from customer where id = ?::uuid", created.id()))
			.containsEntry("created_by", "steward-jane")
			.containsEntry("updated_by", "steward-jane");
	}

	@Test
	void asksForATokenWithAProblemAndTheBearerChallenge() {
		this.client.get()
			.uri(CustomerApi.BASE_PATH)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueMatches("WWW-Authenticate", "Bearer( .*)?")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:unauthenticated");
	}

	@Test
	void refusesARoleWithAProblemAndTheInsufficientScopeChallenge() {
		this.client.post()
			.uri(CustomerApi.BASE_PATH)
			.headers((headers) -> headers.setBearerAuth(issuer.tokenFor(Roles.AGENT)))
			.contentType(MediaType.APPLICATION_JSON)
			.body(newCustomer("Not allowed"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.valueMatches("WWW-Authenticate", "Bearer error=\"insufficient_scope\".*")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:forbidden");
	}

	@Test
	void rejectsExpiredForeignUnsignedAndMisaddressedTokens() {
		List<String> rejected = List.of(
				issuer.token().roles(Roles.ADMIN).expiresAt(Instant.now().minusSeconds(600)).build(),
				issuer.token().roles(Roles.ADMIN).issuer("https://elsewhere.example.org").build(),
				issuer.token().roles(Roles.ADMIN).audience("some-other-api").build(),
				issuer.token().roles(Roles.ADMIN).signedWithForeignKey().build(), issuer.unsignedToken(Roles.ADMIN),
				"not-a-jwt");
		for (String token : rejected) {
			this.client.get()
				.uri(CustomerApi.BASE_PATH)
				.headers((headers) -> headers.setBearerAuth(token))
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.valueMatches("WWW-Authenticate", "Bearer error=\"invalid_token\".*")
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:crm-backoffice:problem:unauthenticated");
		}
	}

	@Test
	void leavesProbesAndApiDocumentationOpenButNotMetrics() {
		for (String open : List.of("/actuator/health", "/actuator/info", "/v3/api-docs")) {
			this.client.get().uri(open).exchange().expectStatus().isOk();
		}
		this.client.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
		this.client.get()
			.uri("/actuator/prometheus")
			.headers((headers) -> headers.setBearerAuth(issuer.tokenFor(Roles.AGENT)))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.get()
			.uri("/actuator/prometheus")
			.headers((headers) -> headers.setBearerAuth(issuer.tokenFor(Roles.ADMIN)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private Customer createCustomer(String token, String name) {
		return this.client.post()
			.uri(CustomerApi.BASE_PATH)
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(newCustomer(name))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Customer.class)
			.returnResult()
			.getResponseBody();
	}

	private static CustomerCreate newCustomer(String name) {
		return CustomerCreate.of(name, EngagedParty.organization(name, List.of()), List.of());
	}

}
