package org.crmbackoffice.devauth;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What a browser asks the token endpoint before a page of another origin may request a
 * token.
 */
final class CorsPreflight {

	private CorsPreflight() {
	}

	static RestTestClient.ResponseSpec from(RestTestClient client, String origin) {
		return client.options()
			.uri("/oauth2/token")
			.header(HttpHeaders.ORIGIN, origin)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
			.exchange();
	}

}
