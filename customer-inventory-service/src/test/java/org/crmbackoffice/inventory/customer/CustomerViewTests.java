package org.crmbackoffice.inventory.customer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerApi;
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
 * The customer 360 view: the record with its latest interactions from the interaction service, here a stand-in
 * that records what it is asked and can be made to fail; with the real service it is covered end to end.
 */
@ApiIntegrationTest
class CustomerViewTests {

	private static HttpServer interactionService;

	private static volatile boolean failing;

	private static final List<String> requests = new CopyOnWriteArrayList<>();

	RestTestClient client;

	@Autowired
	void authenticateAsAgent(RestTestClient client) {
		this.client = client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.AGENT)))
			.build();
	}

	@BeforeAll
	static void startInteractionService() throws IOException {
		TestIssuer.shared().registerClient("customer-inventory-service", "customer-inventory-service-secret",
				List.of(Roles.CUSTOMER_INVENTORY_SERVICE));
		interactionService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		interactionService.createContext("/", (exchange) -> {
			requests.add(exchange.getRequestURI().getRawQuery() + " "
					+ exchange.getRequestHeaders().getFirst("Authorization"));
			if (failing) {
				exchange.sendResponseHeaders(503, -1);
				exchange.close();
				return;
			}
			byte[] body = """
					[{"id": "i-1", "@type": "PartyInteraction", "reason": "billing enquiry", "status": "opened"}]"""
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		interactionService.start();
	}

	@AfterAll
	static void stopInteractionService() {
		interactionService.stop(0);
	}

	@DynamicPropertySource
	static void interactionServiceLocation(DynamicPropertyRegistry registry) {
		registry.add("spring.http.serviceclient.interactions.base-url",
				() -> "http://127.0.0.1:" + interactionService.getAddress().getPort());
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

		this.client.get()
			.uri(customer.href())
			.exchange()
			.expectBody()
			.jsonPath("$.recentInteractions")
			.doesNotExist();
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
		assertThat(requests).singleElement().satisfies((request) -> {
			assertThat(request).contains("relatedParty.partyOrPartyRole.id=" + customer.id());
			assertThat(request).contains("Bearer ");
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
