package org.crmbackoffice.inventory.cors;

import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser front end served from a configured origin calls the API as its scripts would:
 * the preflight is answered without a token, and the script reads the headers it needs; a
 * page from any other origin is refused with a problem.
 */
@ApiIntegrationTest
@TestPropertySource(properties = "crm.web.cors.allowed-origins=https://crm.example.com,https://*.agents.example.com")
class CrossOriginTests {

	@Autowired
	RestTestClient client;

	@Test
	void answersAPreflightFromAConfiguredOriginWithoutAToken() {
		this.client.options()
			.uri(CustomerApi.BASE_PATH)
			.header(HttpHeaders.ORIGIN, "https://crm.example.com")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,if-match,x-purpose")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://crm.example.com")
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, (methods) -> assertThat(methods).contains("PATCH"))
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
					(headers) -> assertThat(headers.toLowerCase()).contains("authorization", "if-match", "x-purpose"))
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "1800")
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
	}

	@Test
	void letsAFrontEndReadTheCountsAndTheETagItNeeds() {
		this.client.get()
			.uri(CustomerApi.BASE_PATH + "?limit=1")
			.header(HttpHeaders.ORIGIN, "https://desk.agents.example.com")
			.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.SUPERVISOR)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://desk.agents.example.com")
			.expectHeader()
			.value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, (exposed) -> assertThat(exposed).contains("ETag",
					"Location", "X-Total-Count", "X-Result-Count", "X-Request-ID", "Retry-After"));
	}

	@Test
	void refusesAnotherOriginWithAProblem() {
		this.client.method(HttpMethod.OPTIONS)
			.uri(CustomerApi.BASE_PATH)
			.header(HttpHeaders.ORIGIN, "https://crm.example.com.attacker.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:forbidden")
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("https://crm.example.com.attacker.example"));
		this.client.get()
			.uri(CustomerApi.BASE_PATH)
			.header(HttpHeaders.ORIGIN, "https://attacker.example")
			.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.SUPERVISOR)))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

}
