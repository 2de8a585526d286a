package org.crmbackoffice.devauth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The origins follow the ports the services run on, as the local stack passes them, and
 * take extra origins: the defaults (8081, 8082) no longer apply once other ports are
 * given.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "crm.dev-auth.service-ports=18081,18082",
				"crm.dev-auth.allowed-origins=https://front-end.example.org" })
@AutoConfigureRestTestClient
class AllowedOriginsTests {

	@Autowired
	RestTestClient client;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "http://localhost:18081", "http://127.0.0.1:18082", "https://front-end.example.org" })
	void allowsThePagesOfTheConfiguredPortsOnBothHostsAndTheExtraOrigins(String origin) {
		CorsPreflight.from(this.client, origin)
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "http://localhost:8081", "http://127.0.0.1:8082" })
	void refusesTheDefaultPortsOnceOthersAreConfigured(String origin) {
		CorsPreflight.from(this.client, origin).expectStatus().isForbidden();
	}

}
