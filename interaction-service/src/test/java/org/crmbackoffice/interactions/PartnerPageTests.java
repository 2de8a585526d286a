package org.crmbackoffice.interactions;

import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partner page loads without a token at the address its sign-in comes back to, with
 * the scripts that sign a person in.
 */
@ApiIntegrationTest
class PartnerPageTests {

	@Autowired
	RestTestClient client;

	@Test
	void servesThePageAtItsRedirectAddressWithTheScriptsThatSignAPersonIn() {
		String page = this.client.get()
			.uri("/interaction/partner")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("<h1>Your interactions</h1>", "src=\"/dashboard-support/api-client.js\"",
				"src=\"/dashboard-support/person-sign-in.js\"", "src=\"/interaction/partner/partner.js\"");
		this.client.get()
			.uri("/dashboard-support/person-sign-in.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((script) -> assertThat(script).contains("code_challenge_method: 'S256'"));
		this.client.get()
			.uri("/interaction/partner/partner.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((script) -> assertThat(script).contains("'webSelfService'"));
	}

	@Test
	void theAddressWithATrailingSlashLeadsToThePageKeepingItsQuery() {
		this.client.get()
			.uri("/interaction/partner/?code=abc&state=xyz")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.value("Location", (location) -> assertThat(location).endsWith("/interaction/partner?code=abc&state=xyz"));
	}

}
