package org.crmbackoffice.inventory.customer;

import java.io.IOException;
import java.util.List;

import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.StandInService;
import org.crmbackoffice.testsupport.StandInService.Answer;
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
 * The customer 360 view: the record with its latest interactions from the interaction
 * service, here a stand-in that records what it is asked and can be made to fail; with
 * the real service it is covered end to end.
 */
@ApiIntegrationTest
class CustomerViewTests {

	private static StandInService interactionService;

	private static volatile boolean failing;

	RestTestClient client;

	@Autowired
	void authenticateAsAgent(RestTestClient client) {
		this.client = client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.AGENT)))
			.build();
	}

	@BeforeAll
	static void startInteractionService() throws IOException {
		TestIssuer.shared()
			.registerClient("customer-inventory-service", "customer-inventory-service-secret",
					List.of(Roles.CUSTOMER_INVENTORY_SERVICE));
		interactionService = StandInService.start((request) -> failing ? Answer.status(503) : Answer.json("""
				[{"id": "i-1", "@type": "PartyInteraction", "reason": "billing enquiry", "status": "opened"}]"""));
	}

	@AfterAll
	static void stopInteractionService() {
		interactionService.close();
	}

	@DynamicPropertySource
	static void interactionServiceLocation(DynamicPropertyRegistry registry) {
		registry.add("spring.http.serviceclient.interactions.base-url", () -> interactionService.baseUrl());
	}

	@Test
	void showsTheCustomersRecentInteractionsWhenAskedAndTheCustomerAloneWhenTheyAreUnavailable() {
		Customer customer = this.client.post()
			.uri(CustomerApi.BASE_PATH)
			.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.DATA_STEWARD)))
			.contentType(MediaType.APPLICATION_JSON)
			.body(CustomerFixtures.individual("View Customer", "view@example.org"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Customer.class)
			.returnResult()
			.getResponseBody();

		this.client.get().uri(customer.href()).exchange().expectBody().jsonPath("$.recentInteractions").doesNotExist();
		this.client.get()
			.uri(customer.href() + "?expand=recentInteractions")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.recentInteractions.availability")
			.isEqualTo("available")
			.jsonPath("$.recentInteractions.interaction[0].reason")
			.isEqualTo("billing enquiry");
		assertThat(interactionService.requests).singleElement().satisfies((request) -> {
			assertThat(request.query()).contains("relatedParty.partyOrPartyRole.id=" + customer.id());
			assertThat(request.authorization()).startsWith("Bearer ");
		});

		failing = true;
		this.client.get()
			.uri(customer.href() + "?expand=recentInteractions")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("View Customer")
			.jsonPath("$.recentInteractions.availability")
			.isEqualTo("unavailable");
		this.client.get().uri(customer.href() + "?expand=everything").exchange().expectStatus().isBadRequest();
	}

}
