package org.crmbackoffice.inventory;

import java.util.Map;

import org.crmbackoffice.inventory.quality.QualityApi;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiDocumentGaps;
import org.crmbackoffice.testsupport.ApiExampleRequests;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.JsonClient;
import org.crmbackoffice.testsupport.PublishedApiDocument;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is complete enough for client generators and for people trying the
 * API in Swagger UI.
 */
@ApiIntegrationTest
@TestPropertySource(properties = "crm.hub.allow-private-callbacks=true")
class ApiDocumentTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void documentsEveryOperationWithItsResponsesPermissionsAndParameters() {
		JsonNode document = document();

		assertThat(ApiDocumentGaps.of(document)).isEmpty();
		assertThat(ApiDocumentGaps.operationIds(document)).as("the TM Forum operation ids")
			.contains("createCustomer", "listCustomer", "retrieveCustomer", "patchCustomer", "deleteCustomer");
		assertThat(document.path("tags").get(0).path("name").asString()).isEqualTo("customer");
	}

	@Test
	void servesTheDocumentPublishedInTheRepository() {
		PublishedApiDocument.of("customer-inventory-service", this.json).assertMatches(document());
	}

	@Test
	void acceptsEveryRequestExampleOfTheDocumentAsItStands() {
		RestTestClient steward = this.client.mutate()
			.defaultHeaders(
					(headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.DATA_STEWARD, Roles.ADMIN)))
			.build();
		ApiExampleRequests examples = new ApiExampleRequests(document(), steward, this.json);

		String customer = examples.send("createCustomer").path("id").asString();
		String duplicate = examples.send("createCustomer").path("id").asString();
		examples.send("patchCustomer", customer);
		examples.send("patchCustomerV4", customer);
		String individual = examples.send("createIndividual").path("id").asString();
		examples.send("patchIndividual", individual);
		examples.send("patchOrganization", examples.send("createOrganization").path("id").asString());
		examples.send("createCustomerV4", null, Map.of("/engagedParty/id", individual));
		String agreement = examples
			.send("createAgreement", null, Map.of("/engagedParty/0/partyOrPartyRole/id", customer))
			.path("id")
			.asString();
		examples.send("patchAgreement", agreement);
		// The examples' listener lives on the internet, which tests do not reach.
		Map<String, String> reachableListener = Map.of("/callback", "http://localhost/listener");
		examples.send("registerCustomerManagementHub", null, reachableListener);
		examples.send("registerPartyManagementHub", null, reachableListener);
		examples.send("registerHubV4", null, reachableListener);
		examples.send("recordVerification", null, Map.of("/customerId", customer));
		new QualityApi(this.client, this.jdbc).awaitEnd(examples.send("startQualityRun").path("href").asString());
		String finding = steward.get()
			.uri("/inventory/v1/quality/finding?customerId=" + duplicate)
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.path(0)
			.path("id")
			.asString();
		examples.send("patchFinding", finding);
		examples.send("mergeDuplicates", null, Map.of("/survivorId", customer, "/mergedId", duplicate));

		assertThat(examples.unsent()).as("request examples no test sent").isEmpty();
	}

	private JsonNode document() {
		return new JsonClient(this.client, this.json).get("/v3/api-docs");
	}

}
