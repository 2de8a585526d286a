package org.crmbackoffice.interactions.interaction;

import java.io.IOException;

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
 * An inventory that keeps failing is left alone for a while: once the circuit breaker has
 * seen enough failures, interactions are logged as pending at once, without asking it. A
 * context of its own, so the open circuit concerns no other test.
 */
@ApiIntegrationTest
class InventoryOutageTests {

	private static RecordingInventory inventory;

	@Autowired
	RestTestClient client;

	@BeforeAll
	static void startInventory() throws IOException {
		inventory = RecordingInventory.start();
		inventory.failing = true;
	}

	@AfterAll
	static void stopInventory() {
		inventory.close();
	}

	@DynamicPropertySource
	static void failingInventory(DynamicPropertyRegistry registry) {
		registry.add("spring.http.serviceclient.inventory.base-url", () -> inventory.baseUrl());
		registry.add("crm.interaction.customer-check-retry", () -> "PT1H");
	}

	@Test
	void stopsAskingAFailingInventoryAndLogsInteractionsAsPending() {
		for (int call = 0; call < 10; call++) {
			PartyInteraction logged = this.client.post()
				.uri(PartyInteractionMapper.BASE_PATH)
				.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.AGENT)))
				.contentType(MediaType.APPLICATION_JSON)
				.body(InteractionFixtures.complaintFromCustomer("customer-" + call))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(PartyInteraction.class)
				.returnResult()
				.getResponseBody();
			assertThat(logged.customerCheck()).isEqualTo("pending");
		}

		assertThat(inventory.paths()).as("calls that reached the inventory before the circuit opened").hasSize(5);
	}

}
