package org.crmbackoffice.interactions.ratelimit;

import java.util.UUID;

import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The interaction service's bulk endpoints (analytics, BI exports) draw on a smaller
 * budget of their own, so a supervisor who spent it on reports can still work
 * interactions.
 */
@ApiIntegrationTest
@TestPropertySource(properties = { "crm.rate-limit.enabled=true", "crm.rate-limit.window=3s",
		"crm.rate-limit.requests.per-role.supervisor=20", "crm.rate-limit.bulk.per-role.supervisor=1" })
class RateLimitTests {

	@Autowired
	RestTestClient client;

	@Test
	void analyticsAndExportsSpendABudgetOfTheirOwn() {
		String supervisor = TestIssuer.shared()
			.token()
			.subject("supervisor-" + UUID.randomUUID())
			.roles(Roles.SUPERVISOR)
			.build();

		get("/interaction/v1/analytics/interaction", supervisor).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("RateLimit-Policy", "\"bulk\";q=1;w=3");
		get("/interaction/v1/analytics/interaction", supervisor).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:too-many-requests");
		get("/tmf-api/partyInteraction/v5/partyInteraction", supervisor).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("RateLimit-Policy", "\"default\";q=20;w=3");
	}

	private RestTestClient.ResponseSpec get(String uri, String token) {
		return this.client.get().uri(uri).headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

}
