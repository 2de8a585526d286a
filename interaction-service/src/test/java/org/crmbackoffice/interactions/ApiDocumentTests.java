package org.crmbackoffice.interactions;

import java.util.Map;

import org.crmbackoffice.model.interaction.PartyInteractionApi;
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
import org.springframework.http.MediaType;
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

	@Test
	void documentsEveryOperationWithItsResponsesPermissionsAndParameters() {
		JsonNode document = document();

		assertThat(ApiDocumentGaps.of(document)).isEmpty();
		assertThat(ApiDocumentGaps.operationIds(document)).as("the TM Forum operation ids")
			.contains("createPartyInteraction", "listPartyInteraction", "retrievePartyInteraction",
					"patchPartyInteraction", "deletePartyInteraction");
		assertThat(document.path("tags").get(0).path("name").asString()).isEqualTo("partyInteraction");
	}

	@Test
	void servesTheDocumentPublishedInTheRepository() {
		PublishedApiDocument.of("interaction-service", this.json).assertMatches(document());
	}

	@Test
	void acceptsEveryRequestExampleOfTheDocumentAsItStands() {
		RestTestClient agent = this.client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.AGENT, Roles.ADMIN)))
			.build();
		ApiExampleRequests examples = new ApiExampleRequests(document(), agent, this.json);

		String interaction = examples.send("createPartyInteraction").path("id").asString();
		examples.send("patchPartyInteraction", interaction);
		examples.send("addPartyInteractionNote", interaction);
		examples.send("authenticatePartyInteractionPartner", interaction);
		agent.patch()
			.uri(PartyInteractionApi.BASE_PATH + "/" + interaction)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("status", "completed"))
			.exchange()
			.expectStatus()
			.isOk();
		examples.send("recordSatisfaction", interaction);
		examples.send("patchPartyInteractionV4", examples.send("createPartyInteractionV4").path("id").asString());
		// The examples' listener lives on the internet, which tests do not reach.
		Map<String, String> reachableListener = Map.of("/callback", "http://localhost/listener");
		examples.send("registerHub", null, reachableListener);
		examples.send("registerHubV4", null, reachableListener);
		examples.send("erasePartyFromInteractions");

		assertThat(examples.unsent()).as("request examples no test sent").isEmpty();
	}

	private JsonNode document() {
		return new JsonClient(this.client, this.json).get("/v3/api-docs");
	}

}
