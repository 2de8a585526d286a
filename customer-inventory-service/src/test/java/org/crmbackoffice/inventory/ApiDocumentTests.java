package org.crmbackoffice.inventory;

import java.util.ArrayList;
import java.util.List;

import org.crmbackoffice.testsupport.ApiDocumentGaps;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document is complete enough for client generators and for people trying the API in Swagger UI. */
@ApiIntegrationTest
class ApiDocumentTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JsonMapper json;

	@Test
	void documentsEveryOperationWithItsResponsesPermissionsAndParameters() {
		JsonNode document = this.json.readTree(this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());

		assertThat(ApiDocumentGaps.of(document)).isEmpty();
		List<String> ids = new ArrayList<>();
		document.path("paths")
			.forEach((path) -> path.forEach((operation) -> ids.add(operation.path("operationId").asString())));
		assertThat(ids).as("the TM Forum operation ids").contains("createCustomer", "listCustomer", "retrieveCustomer", "patchCustomer", "deleteCustomer");
		assertThat(document.path("tags").get(0).path("name").asString()).isEqualTo("customer");
	}

}
