package org.crmbackoffice.inventory.customer;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.customer.CustomerCreate;
import org.crmbackoffice.model.event.Hub;
import org.crmbackoffice.model.event.HubRegistration;
import org.crmbackoffice.support.hub.Dispatcher;
import org.crmbackoffice.support.hub.WebhookSignature;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.crmbackoffice.testsupport.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listeners registered on the inventory's hub hear of every committed change of the
 * customers they asked about, signed and in order. No dispatcher runs in the background
 * here: each test delivers what is owed itself, as the dispatcher of any instance would.
 */
@ApiIntegrationTest
@TestPropertySource(properties = "crm.hub.allow-private-callbacks=true")
class CustomerEventTests {

	private static final String HUB = "/tmf-api/customerManagement/v5/hub";

	private static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

	private final WebhookReceiver receiver = startReceiver();

	@Autowired
	RestTestClient client;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	JsonMapper json;

	/**
	 * A name no other test's customer has, so that each test's listener hears only of its
	 * own customers.
	 */
	private String name;

	/** One administrator throughout a test: idempotency keys are the caller's own. */
	private RestTestClient admin;

	@BeforeEach
	void uniqueNameAndAnAdministrator() {
		this.name = "Events " + UUID.randomUUID();
		this.admin = this.client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.ADMIN)))
			.build();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void aListenerHearsOfTheCreationThenEachChangeInOrderSignedPerStandardWebhooks() {
		Hub hub = register(ofThisTestsCustomers());
		Customer customer = create(newCustomer());
		patch(customer.href(), "{\"description\": \"Moved to a business plan\"}");
		patch(customer.href(), "{\"status\": \"approved\"}");
		patch(customer.href(), "{}");

		this.dispatcher.deliverDue();

		List<JsonNode> events = acceptedEvents();
		assertThat(events).extracting((event) -> event.path("eventType").asString())
			.containsExactly("CustomerCreateEvent", "CustomerAttributeValueChangeEvent", "CustomerStateChangeEvent");
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.path("domain").asString()).isEqualTo("customerManagement");
			assertThat(event.path("event").path("customer").path("id").asString()).isEqualTo(customer.id());
			assertThat(event.path("event").path("customer").path("href").asString()).isEqualTo(customer.href());
		});
		assertThat(events.get(0).path("event").path("customer").path("status").asString()).isEqualTo("initialized");
		assertThat(events.get(1).path("event").path("customer").path("description").asString())
			.isEqualTo("Moved to a business plan");
		assertThat(events.get(2).path("event").path("customer").path("status").asString()).isEqualTo("approved");
		assertThat(this.receiver.accepted()).allSatisfy((received) -> {
			assertThat(received.signature()).isEqualTo(WebhookSignature.sign(hub.secret(), received.id(),
					Long.parseLong(received.timestamp()), received.body()));
			assertThat(received.id()).isEqualTo(this.json.readTree(received.body()).path("eventId").asString());
		});
	}

	@Test
	void aListenerHearsOnlyOfTheEventsItsQueryNames() {
		register("eventType=CustomerStateChangeEvent&" + ofThisTestsCustomers());
		Customer customer = create(newCustomer());
		patch(customer.href(), "{\"status\": \"approved\"}");
		patch(customer.href(), "{\"description\": \"Asked for paper invoices\"}");
		patch(customer.href(), "{\"status\": \"suspended\", \"statusReason\": \"unpaid invoices\"}");

		this.dispatcher.deliverDue();

		List<JsonNode> events = acceptedEvents();
		assertThat(events).extracting((event) -> event.path("eventType").asString())
			.containsOnly("CustomerStateChangeEvent");
		assertThat(events).extracting((event) -> event.path("event").path("customer").path("status").asString())
			.containsExactly("approved", "suspended");
	}

	@Test
	void aListenerOnTheV4HubHearsInTheV4Shape() {
		Hub hub = this.admin.post()
			.uri("/tmf-api/customerManagement/v4/hub")
			.contentType(MediaType.APPLICATION_JSON)
			.body(new HubRegistration(this.receiver.url(), "eventType=CustomerCreateEvent&" + ofThisTestsCustomers()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Hub.class)
			.returnResult()
			.getResponseBody();
		assertThat(hub.href()).startsWith("/tmf-api/customerManagement/v4/hub/");
		Customer customer = create(newCustomer());

		this.dispatcher.deliverDue();

		assertThat(acceptedEvents()).singleElement().satisfies((event) -> {
			JsonNode v4 = event.path("event").path("customer");
			assertThat(v4.path("href").asString())
				.isEqualTo("/tmf-api/customerManagement/v4/customer/" + customer.id());
			assertThat(v4.path("engagedParty").path("@referredType").asString()).isEqualTo("Individual");
			assertThat(v4.path("contactMedium").get(0).path("characteristic").path("emailAddress").asString())
				.isEqualTo("events@example.org");
		});
	}

	@Test
	void aRetriedCreateIsPublishedOnce() {
		register(ofThisTestsCustomers());
		CustomerCreate request = newCustomer();
		String key = "crm-frontend-" + UUID.randomUUID();
		Customer first = create(request, key);
		Customer replayed = create(request, key);
		assertThat(replayed.id()).isEqualTo(first.id());

		this.dispatcher.deliverDue();

		assertThat(acceptedEvents()).singleElement()
			.satisfies((event) -> assertThat(event.path("eventType").asString()).isEqualTo("CustomerCreateEvent"));
	}

	@Test
	void onlyAnAdministratorRegistersListenersOrSeesDeliveries() {
		for (String role : List.of(Roles.DATA_STEWARD, Roles.AGENT, Roles.SUPERVISOR)) {
			String token = TestIssuer.shared().tokenFor(role);
			this.client.post()
				.uri(HUB)
				.headers((headers) -> headers.setBearerAuth(token))
				.contentType(MediaType.APPLICATION_JSON)
				.body(new HubRegistration(this.receiver.url(), null))
				.exchange()
				.expectStatus()
				.isForbidden();
			this.client.get()
				.uri("/inventory/v1/delivery")
				.headers((headers) -> headers.setBearerAuth(token))
				.exchange()
				.expectStatus()
				.isForbidden();
		}
		register(ofThisTestsCustomers());
	}

	private String ofThisTestsCustomers() {
		return "event.customer.name=" + this.name;
	}

	private CustomerCreate newCustomer() {
		return CustomerFixtures.individual(this.name, "events@example.org");
	}

	private List<JsonNode> acceptedEvents() {
		return this.receiver.accepted().stream().map((received) -> this.json.readTree(received.body())).toList();
	}

	private Hub register(String query) {
		return this.admin.post()
			.uri(HUB)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new HubRegistration(this.receiver.url(), query))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Hub.class)
			.returnResult()
			.getResponseBody();
	}

	private Customer create(CustomerCreate request) {
		return create(request, null);
	}

	private Customer create(CustomerCreate request, String idempotencyKey) {
		return this.admin.post().uri(CustomerApi.BASE_PATH).headers((headers) -> {
			if (idempotencyKey != null) {
				headers.set("Idempotency-Key", idempotencyKey);
			}
		})
			.contentType(MediaType.APPLICATION_JSON)
			.body(request)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Customer.class)
			.returnResult()
			.getResponseBody();
	}

	private void patch(String href, String mergePatch) {
		this.admin.patch().uri(href).contentType(MERGE_PATCH).body(mergePatch).exchange().expectStatus().isOk();
	}

	private static WebhookReceiver startReceiver() {
		try {
			return new WebhookReceiver();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
