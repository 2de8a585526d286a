package org.crmbackoffice.inventory.customer;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.customer.CustomerCreate;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.EventStreamClient;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A front end's live stream of customer events shows each caller what it may read, and
 * every customer record it sends is a read in the audit trail.
 */
@ApiIntegrationTest
class LiveCustomerEventTests {

	@LocalServerPort
	int port;

	@Autowired
	RestTestClient client;

	@Autowired
	JsonMapper json;

	@Test
	void aPartnerSeesOnlyItsOwnRecordChangeWhileAnAgentSeesEveryOneAndBothReadsAreAudited() throws Exception {
		String name = "Live " + UUID.randomUUID();
		Customer own = create(CustomerFixtures.individual(name + " Own", "own@example.com"));
		Customer other = create(CustomerFixtures.individual(name + " Other", "other@example.com"));
		String agent = "agent-" + UUID.randomUUID();
		String partnerToken = TestIssuer.shared()
			.token()
			.subject("partner-" + own.id())
			.roles(Roles.PARTNER)
			.partyId(own.id())
			.build();
		try (EventStreamClient partner = open(partnerToken);
				EventStreamClient staff = open(TestIssuer.shared().token().subject(agent).roles(Roles.AGENT).build())) {
			assertThat(List.of(partner.status(), staff.status())).containsOnly(200);
			patch(own, "{\"description\": \"Moved to the business plan\"}");
			patch(other, "{\"description\": \"Asked for paper bills\"}");

			assertThat(staff.await(2)).extracting(this::customerId).containsExactly(own.id(), other.id());
			assertThat(partner.await(1)).extracting(this::customerId).containsExactly(own.id());
			Thread.sleep(Duration.ofMillis(500).toMillis());
			assertThat(partner.events()).hasSize(1);

			List<JsonNode> agentReads = entries("principal=" + agent + "&operation=customer.read");
			assertThat(agentReads).extracting((entry) -> entry.path("recordId").asString())
				.containsExactlyInAnyOrder(own.id(), other.id());
			assertThat(agentReads).extracting((entry) -> entry.path("via").asString())
				.containsExactlyInAnyOrderElementsOf(staff.events()
					.stream()
					.map((event) -> "Event/" + this.json.readTree(event.data()).path("eventId").asString())
					.toList());
			assertThat(entries("principal=partner-" + own.id() + "&operation=customer.read"))
				.extracting((entry) -> entry.path("recordId").asString())
				.containsExactly(own.id());
		}
	}

	private EventStreamClient open(String token) {
		return EventStreamClient.open(URI.create(
				"http://localhost:" + this.port + "/inventory/v1/events?eventType=CustomerAttributeValueChangeEvent"),
				token, null);
	}

	private String customerId(EventStreamClient.Received received) {
		return this.json.readTree(received.data()).path("event").path("customer").path("id").asString();
	}

	private List<JsonNode> entries(String query) {
		String auditor = TestIssuer.shared().tokenFor(Roles.AUDITOR);
		return this.json
			.readTree(this.client.get()
				.uri("/inventory/v1/audit/entry?limit=1000&" + query)
				.headers((headers) -> headers.setBearerAuth(auditor))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody())
			.valueStream()
			.toList();
	}

	private Customer create(CustomerCreate request) {
		return admin().post()
			.uri(CustomerApi.BASE_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.body(request)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Customer.class)
			.returnResult()
			.getResponseBody();
	}

	private void patch(Customer customer, String mergePatch) {
		admin().patch()
			.uri(customer.href())
			.contentType(MediaType.parseMediaType("application/merge-patch+json"))
			.body(mergePatch)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private RestTestClient admin() {
		return this.client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.ADMIN)))
			.build();
	}

}
