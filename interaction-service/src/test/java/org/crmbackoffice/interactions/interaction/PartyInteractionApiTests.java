package org.crmbackoffice.interactions.interaction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.crmbackoffice.model.interaction.InteractionStatus;
import org.crmbackoffice.model.common.ChannelRef;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interaction API on its own, with a stand-in inventory that records what it is sent;
 * the tests against a real inventory live with the local stack.
 */
@ApiIntegrationTest
class PartyInteractionApiTests {

	private static final String BASE = PartyInteractionMapper.BASE_PATH;

	private static RecordingInventory inventory;

	RestTestClient client;

	@BeforeAll
	static void startInventory() throws IOException {
		inventory = RecordingInventory.start();
	}

	@AfterAll
	static void stopInventory() {
		inventory.close();
	}

	@DynamicPropertySource
	static void inventoryLocation(DynamicPropertyRegistry registry) {
		registry.add("spring.http.serviceclient.inventory.base-url", () -> inventory.baseUrl());
		registry.add("spring.http.serviceclient.inventory.read-timeout", () -> "1s");
	}

	@Autowired
	void authenticateAsAgent(RestTestClient client) {
		this.client = client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.AGENT)))
			.build();
	}

	@Test
	void logsInteractionAndServesItByIdAndInLists() {
		PartyInteraction created = this.client.post()
			.uri(BASE)
			.contentType(MediaType.APPLICATION_JSON)
			.body(InteractionFixtures.callFromProspect())
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches("Location", "http://localhost:\\d+" + BASE + "/[0-9a-f-]{36}")
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();

		assertThat(created.type()).isEqualTo("PartyInteraction");
		assertThat(created.status()).isEqualTo(InteractionStatus.OPENED);
		assertThat(created.interactionDate().startDateTime()).isEqualTo("2026-11-02T08:15:00Z");
		assertThat(created.relatedChannel()).singleElement()
			.satisfies((channel) -> assertThat(channel.channel())
				.isEqualTo(new ChannelRef("phone", "/interaction/v1/channel/phone", "phone", "Channel", "ChannelRef")));
		assertThat(created.relatedParty()).singleElement()
			.satisfies((party) -> assertThat(party.partyOrPartyRole().referredType()).isEqualTo("Individual"));
		assertThat(created.note()).singleElement().satisfies((note) -> {
			assertThat(note.id()).isNotBlank();
			assertThat(note.date()).isNotNull();
			assertThat(note.text()).isEqualTo("Wants a callback after 6pm.");
		});

		PartyInteraction read = this.client.get()
			.uri(created.href())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();
		assertThat(read).isEqualTo(created);

		this.client.get()
			.uri(BASE + "?limit=1000")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == '" + created.id() + "')].description")
			.isEqualTo(List.of("Prospect asks about fibre availability"));
	}

	@Test
	void logsTheInteractionAsPendingWhenTheInventoryDoesNotAnswerAndVerifiesItLater(
			@Autowired PendingCustomerChecks pendingChecks) {
		inventory.silent.add("customer-late");
		long started = System.nanoTime();

		PartyInteraction logged = this.client.post()
			.uri(BASE)
			.contentType(MediaType.APPLICATION_JSON)
			.body(InteractionFixtures.complaintFromCustomer("customer-late"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		assertThat(logged.customerCheck()).isEqualTo("pending");

		inventory.silent.remove("customer-late");
		inventory.known.add("customer-late");
		pendingChecks.checkPending();

		this.client.get().uri(logged.href()).exchange().expectBody().jsonPath("$.customerCheck").isEqualTo("verified");
		this.client.get()
			.uri(logged.href() + "/history")
			.exchange()
			.expectBody()
			.jsonPath("$[-1].action")
			.isEqualTo("customerChecked")
			.jsonPath("$[-1].changedBy")
			.isEqualTo("interaction-service")
			.jsonPath("$[-1].changes[0].to")
			.isEqualTo("verified");
	}

	@Test
	void checksCustomersWithOneCachedServiceTokenAndRefusesUnknownOnes() {
		for (String customerId : List.of("unknown-1", "unknown-2")) {
			this.client.post()
				.uri(BASE)
				.contentType(MediaType.APPLICATION_JSON)
				.body(InteractionFixtures.complaintFromCustomer(customerId))
				.exchange()
				.expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:crm-backoffice:problem:unknown-reference")
				.jsonPath("$.errors[0].pointer")
				.isEqualTo("/relatedParty/0/partyOrPartyRole/id");
		}

		int first = inventory.paths().indexOf("/tmf-api/customerManagement/v5/customer/unknown-1");
		int second = inventory.paths().indexOf("/tmf-api/customerManagement/v5/customer/unknown-2");
		String token = inventory.authorizations().get(first);
		assertThat(token).startsWith("Bearer ");
		assertThat(inventory.authorizations().get(second)).as("the client-credentials token is reused")
			.isEqualTo(token);
		String claims = new String(Base64.getUrlDecoder().decode(token.substring(7).split("\\.")[1]),
				StandardCharsets.UTF_8);
		assertThat(claims).contains("\"sub\":\"interaction-service\"").contains("\"interaction-service\"");
	}

	@Test
	void rejectsAPartyWithoutIdAndAChannelNeitherIdentifiedNorCataloguedWithAPointerToEach() {
		this.client.post()
			.uri(BASE)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"@type": "PartyInteraction", "reason": "enquiry", "direction": "inbound",
					 "relatedParty": [{"role": "customer", "partyOrPartyRole": {"id": ""}}]}""")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:invalid-request")
			.jsonPath("$.errors[*].pointer")
			.value((List<String> pointers) -> assertThat(pointers)
				.containsExactly("/relatedParty/0/partyOrPartyRole/id"));
		this.client.post()
			.uri(BASE)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"@type": "PartyInteraction", "reason": "enquiry", "direction": "inbound",
					 "relatedChannel": [{"role": "contact", "channel": {"name": "carrier pigeon"}}]}""")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/relatedChannel/0/channel/id")
			.jsonPath("$.code")
			.isEqualTo("invalid-request")
			.jsonPath("$.reason")
			.isEqualTo("The request is not valid")
			.jsonPath("$.message")
			.isEqualTo("A channel is referred to by its id, or by a name in the channel catalogue.")
			.jsonPath("$.['@type']")
			.isEqualTo("Error");
	}

	@Test
	void answersUnknownInteractionWithNotFoundProblem() {
		this.client.get()
			.uri(BASE + "/" + UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:not-found");
	}

}
