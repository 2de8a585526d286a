package org.crmbackoffice.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.crmbackoffice.model.common.ChannelRef;
import org.crmbackoffice.model.common.ContactMedium;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.common.RelatedParty;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.customer.CustomerCreate;
import org.crmbackoffice.model.interaction.InteractionDirection;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.testsupport.TestDatabase;
import org.crmbackoffice.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both services as the build ships them, each in its own JVM on its own database, talking over real HTTP: the
 * way the local stack and production run them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTests {

	private static final String INTERACTIONS = "/tmf-api/partyInteraction/v5/partyInteraction";

	private static final Path SERVICES = Path.of("target", "services");

	private static final List<String> inventoryOutput = new CopyOnWriteArrayList<>();

	private static ServiceProcess inventory;

	private static ServiceProcess interaction;

	private static RestTestClient inventoryApi;

	private static RestTestClient interactionApi;

	@BeforeAll
	static void startBothServices() throws Exception {
		TestDatabase inventoryDb = TestPostgres.freshDatabase("inventory");
		TestDatabase interactionDb = TestPostgres.freshDatabase("interaction");
		inventory = ServiceProcess.start(LocalStack.INVENTORY,
				SERVICES.resolve(LocalStack.INVENTORY + "-exec.jar"), freePort(), databaseProperties(inventoryDb),
				(line) -> {
					inventoryOutput.add(line);
					System.out.println("inventory   | " + line);
				});
		List<String> interactionProperties = new ArrayList<>(databaseProperties(interactionDb));
		interactionProperties.add("spring.http.serviceclient.inventory.base-url=" + inventory.baseUrl());
		interaction = ServiceProcess.start(LocalStack.INTERACTION,
				SERVICES.resolve(LocalStack.INTERACTION + "-exec.jar"), freePort(), interactionProperties,
				(line) -> System.out.println("interaction | " + line));
		inventory.awaitHealthy(Duration.ofMinutes(3));
		interaction.awaitHealthy(Duration.ofMinutes(3));
		inventoryApi = RestTestClient.bindToServer().baseUrl(inventory.baseUrl()).build();
		interactionApi = RestTestClient.bindToServer().baseUrl(interaction.baseUrl()).build();
	}

	@AfterAll
	static void stopBothServices() {
		for (ServiceProcess service : new ServiceProcess[] { interaction, inventory }) {
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
			.contentType(MediaType.APPLICATION_JSON)
			.body(new CustomerCreate("Ada Lovelace", null, null,
					new EntityRef("ind-ada", null, "Ada Lovelace", "Individual"),
					List.of(ContactMedium.email("ada@example.org")), List.of()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Customer.class)
			.returnResult()
			.getResponseBody();

		PartyInteraction logged = interactionApi.post()
			.uri(INTERACTIONS)
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
		interactionApi.get().uri(logged.href()).exchange().expectStatus().isOk();
		assertThat(inventoryOutput).as("the inventory logged the check under the caller's request id")
			.anySatisfy((line) -> assertThat(line).contains("[e2e-ada-call]")
				.contains("GET " + CustomerApi.BASE_PATH + "/" + customer.id() + " -> 200"));
	}

	@Test
	@Order(2)
	void interactionReferringToAnUnknownCustomerIsRefusedAsUnprocessable() {
		interactionApi.post()
			.uri(INTERACTIONS)
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
	void demoInteractionRefersToADemoCustomerOfTheInventory() {
		PartyInteraction demo = interactionApi.get()
			.uri(INTERACTIONS + "/5e1f0000-0000-4000-8000-000000000001")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(PartyInteraction.class)
			.returnResult()
			.getResponseBody();
		String customerId = demo.relatedParty().get(0).partyOrPartyRole().id();

		inventoryApi.get()
			.uri(CustomerApi.BASE_PATH + "/" + customerId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Alice Martin");
	}

	@Test
	@Order(4)
	void interactionNeedingTheInventoryGetsServiceUnavailableWhileTheInventoryIsDown() {
		inventory.stop(Duration.ofSeconds(30));
		long started = System.nanoTime();

		interactionApi.post()
			.uri(INTERACTIONS)
			.contentType(MediaType.APPLICATION_JSON)
			.body(callFrom("0a1b2c3d-0000-4000-8000-000000000001"))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:peer-unavailable");

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		interactionApi.get().uri(INTERACTIONS).exchange().expectStatus().isOk();
	}

	private static PartyInteractionCreate callFrom(String customerId) {
		return new PartyInteractionCreate("Asks why the bill doubled", InteractionDirection.INBOUND,
				"billing enquiry", null, List.of(new RelatedChannel("contact", ChannelRef.named("phone"))),
				List.of(new RelatedParty("customer", new EntityRef(customerId, null, null, "Customer"))), List.of());
	}

	private static List<String> databaseProperties(TestDatabase database) {
		return List.of("spring.datasource.url=" + database.jdbcUrl(),
				"spring.datasource.username=" + database.username(),
				"spring.datasource.password=" + database.password(), LocalStack.DEMO_DATA_LOCATIONS);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
