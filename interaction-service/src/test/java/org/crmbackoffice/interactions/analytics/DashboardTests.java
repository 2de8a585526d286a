package org.crmbackoffice.interactions.analytics;

import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard page loads without a token, with its chart library served by the service
 * itself, and finds the token endpoint in the service's API documentation.
 */
@ApiIntegrationTest
class DashboardTests {

	@Autowired
	RestTestClient client;

	@Test
	void servesThePageItsScriptsAndTheTokenEndpointItSignsInWith() {
		String page = this.client.get()
			.uri("/dashboard/index.html")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("src=\"/webjars/chart.js/dist/chart.umd.js\"",
				"src=\"/dashboard-support/api-client.js\"", "src=\"dashboard.js\"");
		this.client.get()
			.uri("/webjars/chart.js/dist/chart.umd.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((script) -> assertThat(script).contains("Chart.js v4"));
		this.client.get()
			.uri("/dashboard-support/api-client.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((script) -> assertThat(script).contains("const CrmApi"));
		this.client.get()
			.uri("/dashboard/dashboard.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((script) -> assertThat(script).contains("'/interaction/v1/analytics'"));
		this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.securitySchemes.*.flows.clientCredentials.tokenUrl")
			.isNotEmpty();
	}

}
