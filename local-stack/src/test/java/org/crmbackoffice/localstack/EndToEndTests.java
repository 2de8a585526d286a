package org.crmbackoffice.localstack;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.crmbackoffice.model.common.ChannelRef;
import org.crmbackoffice.model.common.ContactMedium;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.customer.CustomerCreate;
import org.crmbackoffice.model.customer.EngagedParty;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.model.interaction.PartyRefOrPartyRoleRef;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;
import org.crmbackoffice.testsupport.TestDatabase;
import org.crmbackoffice.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both services and the development authorization server as the build ships them, each in
 * its own JVM, the services on their own databases, talking over real HTTP with real
 * tokens: the way the local stack runs them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTests {

	private static final String INTERACTIONS = "/tmf-api/partyInteraction/v5/partyInteraction";

	private static final List<String> inventoryOutput = new CopyOnWriteArrayList<>();

	private static ServiceProcess authServer;

	private static ServiceProcess inventory;

	private static int inventoryPort;

	private static List<String> inventoryProperties;

	private static ServiceProcess interaction;

	private static RestTestClient inventoryApi;

	private static RestTestClient interactionApi;

	@BeforeAll
	static void startTheStack() throws Exception {
		int authPort = StackParts.freePort();
		authServer = ServiceProcess.start(LocalStack.AUTH_SERVER, StackParts.jarOf(LocalStack.AUTH_SERVER), authPort,
				LocalStack.authServerProperties(authPort), (line) -> System.out.println("auth        | " + line));
		String issuer = authServer.baseUrl();
		inventoryPort = StackParts.freePort();
		int interactionPort = StackParts.freePort();
		inventoryProperties = new ArrayList<>(serviceProperties(TestPostgres.freshDatabase("inventory"), issuer));
		inventoryProperties.addAll(LocalStack.inventoryClientProperties("http://localhost:" + interactionPort, issuer));
		inventory = startInventory();
		List<String> interactionProperties = new ArrayList<>(
				serviceProperties(TestPostgres.freshDatabase("interaction"), issuer));
		interactionProperties.addAll(LocalStack.interactionClientProperties(inventory.baseUrl(), issuer));
		interactionProperties.add("crm.interaction.customer-check-retry=PT2S");
		interaction = ServiceProcess.start(LocalStack.INTERACTION, StackParts.jarOf(LocalStack.INTERACTION),
				interactionPort, interactionProperties, (line) -> System.out.println("interaction | " + line));
		for (ServiceProcess service : List.of(authServer, inventory, interaction)) {
			service.awaitHealthy(Duration.ofMinutes(3));
		}
		inventoryApi = RestTestClient.bindToServer().baseUrl(inventory.baseUrl()).build();
		interactionApi = RestTestClient.bindToServer().baseUrl(interaction.baseUrl()).build();
	}

	@AfterAll
	static void stopTheStack() {
		for (ServiceProcess service : new ServiceProcess[] { interaction, inventory, authServer }) {
			if (service != null) {
				service.stop(Duration.ofSeconds(30));
			}
		}
	}

	@Test
	@Order(1)
	void customerCreatedInTheInventoryCanBeReferencedByAnInteraction() {
		Customer customer = inventoryApi.post()
			.uri(CustomerApi.BASE_PATH)
			.headers((headers) -> headers.setBearerAuth(tokenOf("data-steward")))
			.contentType(MediaType.APPLICATION_JSON)
			.body(CustomerCreate.of("Ada Lovelace",
					EngagedParty.individual("Ada", "Lovelace", LocalDate.of(1815, 12, 10)),
					List.of(ContactMedium.email("ada@example.org"))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Customer.class)
			.returnResult()
			.getResponseBody();

		PartyInteraction logged = interactionApi.post()
			.uri(INTERACTIONS)
			.headers((headers) -> headers.setBearerAuth(tokenOf("agent")))
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Request-ID", "e2e-ada-call")
			.body(callFrom(customer.id()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();

		assertThat(logged.relatedParty()).singleElement()
			.satisfies((party) -> assertThat(party.partyOrPartyRole().id()).isEqualTo(customer.id()));
		assertThat(idsOfCustomersFound("q=lovelace")).contains(customer.id());
		assertThat(idsOfCustomersFound("name=ALICE MARTIN")).containsExactly("0a1b2c3d-0000-4000-8000-000000000001");
		interactionApi.get()
			.uri(logged.href())
			.headers((headers) -> headers.setBearerAuth(tokenOf("agent")))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(inventoryOutput).as("the inventory logged the check under the caller's request id")
			.anySatisfy((line) -> assertThat(line).contains("[e2e-ada-call]")
				.contains("GET " + CustomerApi.BASE_PATH + "/" + customer.id() + " -> 200"));
	}

	@Test
	@Order(2)
	void interactionReferringToAnUnknownCustomerIsRefusedAsUnprocessable() {
		interactionApi.post()
			.uri(INTERACTIONS)
			.headers((headers) -> headers.setBearerAuth(tokenOf("agent")))
			.contentType(MediaType.APPLICATION_JSON)
			.body(callFrom("0a1b2c3d-ffff-4000-8000-000000000000"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:unknown-reference")
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/relatedParty/0/partyOrPartyRole/id");
	}

	@Test
	@Order(3)
	void demoPartnerSeesItsOwnCustomerRecordAndInteractionsOnly() {
		String partner = tokenOf("partner");
		PartyInteraction demo = interactionApi.get()
			.uri(INTERACTIONS + "/5e1f0000-0000-4000-8000-000000000001")
			.headers((headers) -> headers.setBearerAuth(partner))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();
		String customerId = demo.relatedParty().get(0).partyOrPartyRole().id();

		inventoryApi.get()
			.uri(CustomerApi.BASE_PATH + "/" + customerId + "?expand=recentInteractions")
			.headers((headers) -> headers.setBearerAuth(partner))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Alice Martin")
			.jsonPath("$.recentInteractions.availability")
			.isEqualTo("available")
			.jsonPath("$.recentInteractions.interaction[*].id")
			.value((List<String> ids) -> assertThat(ids).contains(demo.id()));
		for (RestTestClient.RequestHeadersSpec<?> foreign : List.of(
				inventoryApi.get().uri(CustomerApi.BASE_PATH + "/" + customerId),
				interactionApi.get().uri(INTERACTIONS + "/5e1f0000-0000-4000-8000-000000000001"))) {
			foreign.headers((headers) -> headers.setBearerAuth(tokenOf("partner-northwind")))
				.exchange()
				.expectStatus()
				.isNotFound();
		}
	}

	@Test
	@Order(4)
	void interactionLoggedWhileTheInventoryIsDownIsVerifiedWhenItIsBack() throws Exception {
		inventory.stop(Duration.ofSeconds(30));
		long started = System.nanoTime();

		PartyInteraction logged = interactionApi.post()
			.uri(INTERACTIONS)
			.headers((headers) -> headers.setBearerAuth(tokenOf("agent")))
			.contentType(MediaType.APPLICATION_JSON)
			.body(callFrom("0a1b2c3d-0000-4000-8000-000000000002"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		assertThat(logged.customerCheck()).isEqualTo("pending");

		inventory = startInventory();
		inventory.awaitHealthy(Duration.ofMinutes(3));
		String check = Awaitility.await("the pending customer check to end")
			.atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> interactionApi.get()
				.uri(logged.href())
				.headers((headers) -> headers.setBearerAuth(tokenOf("agent")))
				.exchange()
				.expectBody(PartyInteraction.class)
				.returnResult()
				.getResponseBody()
				.customerCheck(), (state) -> !state.equals("pending"));
		assertThat(check).isEqualTo("verified");
	}

	@Test
	@Order(5)
	void customerDownloadsItsDataAcrossBothServicesAndIsErasedFromBoth() {
		Customer customer = inventoryApi.post()
			.uri(CustomerApi.BASE_PATH)
			.headers((headers) -> headers.setBearerAuth(tokenOf("data-steward")))
			.contentType(MediaType.APPLICATION_JSON)
			.body(CustomerCreate.of("Grace Hopper",
					EngagedParty.individual("Grace", "Hopper", LocalDate.of(1906, 12, 9)),
					List.of(ContactMedium.email("grace@example.org"))))
			.exchange()
			.expectBody(Customer.class)
			.returnResult()
			.getResponseBody();
		PartyInteraction logged = interactionApi.post()
			.uri(INTERACTIONS)
			.headers((headers) -> headers.setBearerAuth(tokenOf("agent")))
			.contentType(MediaType.APPLICATION_JSON)
			.body(callFrom(customer.id()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();
		String admin = tokenOf("admin");

		inventoryApi.get()
			.uri("/inventory/v1/customer/" + customer.id() + "/export")
			.headers((headers) -> headers.setBearerAuth(admin))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.customer.name")
			.isEqualTo("Grace Hopper")
			.jsonPath("$.partyInteraction[*].id")
			.isEqualTo(List.of(logged.id()));
		String pseudonym = inventoryApi.post()
			.uri("/inventory/v1/customer/" + customer.id() + "/erasure")
			.headers((headers) -> headers.setBearerAuth(admin))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("pseudonym")
			.toString();

		PartyInteraction anonymised = interactionApi.get()
			.uri(logged.href())
			.headers((headers) -> headers.setBearerAuth(admin))
			.exchange()
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();
		assertThat(anonymised.relatedParty()).singleElement()
			.satisfies((party) -> assertThat(party.partyOrPartyRole().id()).isEqualTo(pseudonym));
		assertThat(anonymised.description()).isNotEqualTo(logged.description());
		inventoryApi.get()
			.uri(customer.href())
			.headers((headers) -> headers.setBearerAuth(admin))
			.exchange()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo(pseudonym)
			.jsonPath("$.contactMedium")
			.isEmpty();
	}

	private static List<String> idsOfCustomersFound(String query) {
		return inventoryApi.get()
			.uri(CustomerApi.BASE_PATH + "?" + query)
			.headers((headers) -> headers.setBearerAuth(tokenOf("agent")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Customer>>() {
			})
			.returnResult()
			.getResponseBody()
			.stream()
			.map(Customer::id)
			.toList();
	}

	private static PartyInteractionCreate callFrom(String customerId) {
		return PartyInteractionCreate.of("Asks why the bill doubled", "inbound", "billing enquiry",
				List.of(new RelatedChannel("contact", ChannelRef.named("phone"))),
				List.of(new RelatedPartyOrPartyRole("customer", PartyRefOrPartyRoleRef.to(customerId, "Customer"))));
	}

	private static ServiceProcess startInventory() {
		return ServiceProcess.start(LocalStack.INVENTORY, StackParts.jarOf(LocalStack.INVENTORY), inventoryPort,
				inventoryProperties, (line) -> {
					inventoryOutput.add(line);
					System.out.println("inventory   | " + line);
				});
	}

	private static String tokenOf(String client) {
		return StackParts.tokenOf(authServer, client);
	}

	private static List<String> serviceProperties(TestDatabase database, String issuer) {
		return StackParts.serviceProperties(database.jdbcUrl(), database.username(), database.password(), issuer);
	}

}
