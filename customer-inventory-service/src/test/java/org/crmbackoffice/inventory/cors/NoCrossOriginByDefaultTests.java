package org.crmbackoffice.inventory.cors;

import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A deployment that configures no front-end origin lets no browser page of another origin
 * call it: a preflight needs a token like any request and gets no CORS headers.
 */
@ApiIntegrationTest
class NoCrossOriginByDefaultTests {

	@Autowired
	RestTestClient client;

	@Test
	void answersNoPreflightWhenNoOriginIsConfigured() {
		this.client.method(HttpMethod.OPTIONS)
			.uri(CustomerApi.BASE_PATH)
			.header(HttpHeaders.ORIGIN, "https://crm.example.com")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

}
