package org.crmbackoffice.devauth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo clients get tokens that say what the services read, and nobody else gets any.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class DemoClientTokenTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JsonMapper json;

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "agent, agent, ", "data-steward, data-steward, ", "auditor, auditor, ", "analyst, analyst, ",
			"partner, partner, 0a1b2c3d-0000-4000-8000-000000000001",
			"partner-northwind, partner, 0a1b2c3d-0000-4000-8000-000000000002",
			"interaction-service, interaction-service, " })
	void issuesEachDemoClientATokenWithItsRolesAndParty(String clientId, String role, String partyId) {
		Map<String, Object> claims = claimsOf(tokenFor(clientId, clientId + "-secret"));

		assertThat(claims).containsEntry("iss", "http://localhost:9000")
			.containsEntry("sub", clientId)
			.containsEntry("client_id", clientId)
			.containsEntry("roles", List.of(role))
			.containsKey("exp");
		assertThat(claims.get("aud")).asString().contains("crm-backoffice");
		assertThat(claims.get("party_id")).isEqualTo(partyId);
	}

	@Test
	void refusesAWrongSecret() {
		this.client.post()
			.uri("/oauth2/token")
			.headers((headers) -> headers.setBasicAuth("admin", "guess"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("grant_type=client_credentials")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "http://localhost:8081", "http://localhost:8082", "http://127.0.0.1:8081",
			"http://127.0.0.1:8082" })
	void letsThePagesOfTheServicesAskForTokensAtEitherLocalAddress(String origin) {
		CorsPreflight.from(this.client, origin)
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "http://localhost:9999", "http://crm.example.org:8081" })
	void refusesPagesOfOtherOrigins(String origin) {
		CorsPreflight.from(this.client, origin)
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

	private String tokenFor(String clientId, String secret) {
		Map<String, Object> response = this.client.post()
			.uri("/oauth2/token")
			.headers((headers) -> headers.setBasicAuth(clientId, secret))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("grant_type=client_credentials")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		return (String) response.get("access_token");
	}

	private Map<String, Object> claimsOf(String jwt) {
		String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
		return this.json.readValue(payload, new TypeReference<Map<String, Object>>() {
		});
	}

}
