package org.crmbackoffice.inventory.privacy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.crmbackoffice.model.agreement.Agreement;
import org.crmbackoffice.model.agreement.AgreementApi;
import org.crmbackoffice.model.agreement.AgreementCreate;
import org.crmbackoffice.model.common.ContactMedium;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.common.RelatedParty;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.party.PartyApi;
import org.crmbackoffice.model.customer.CustomerCreate;
import org.crmbackoffice.model.customer.CustomerStatus;
import org.crmbackoffice.model.customer.EngagedParty;
import org.crmbackoffice.model.event.HubRegistration;
import org.crmbackoffice.support.hub.Dispatcher;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.support.web.JsonMergePatch;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.StandInService;
import org.crmbackoffice.testsupport.StandInService.Answer;
import org.crmbackoffice.testsupport.StandInService.Request;
import org.crmbackoffice.testsupport.TestIssuer;
import org.crmbackoffice.testsupport.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's GDPR download and erasure. The interaction service is a stand-in that
 * serves 1,003 interactions (more than one page), records the erasures it is asked for
 * and can be made to fail; the real one is covered end to end.
 */
@ApiIntegrationTest
@TestPropertySource(properties = "crm.hub.allow-private-callbacks=true")
class CustomerPrivacyTests {

	private static final int INTERACTIONS = 1003;

	private static StandInService interactionService;

	private static volatile boolean failing;

	private static final String admin = TestIssuer.shared()
		.token()
		.subject("dpo@example.org")
		.roles(Roles.ADMIN)
		.build();

	RestTestClient client;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	Customer customer;

	@Autowired
	void authenticateAsAdmin(RestTestClient client) {
		this.client = client.mutate().defaultHeaders((headers) -> headers.setBearerAuth(admin)).build();
	}

	@BeforeAll
	static void startInteractionService() throws IOException {
		TestIssuer.shared()
			.registerClient("customer-inventory-service", "customer-inventory-service-secret",
					List.of(Roles.CUSTOMER_INVENTORY_SERVICE));
		interactionService = StandInService.start(CustomerPrivacyTests::answer);
	}

	/** Pages of interactions by offset and limit, and erasures that name a pseudonym. */
	private static Answer answer(Request request) {
		if (failing) {
			return Answer.status(503);
		}
		if (request.method().equals("POST")) {
			return Answer.json("{\"pseudonym\": \"erased-5eed\", \"interactionsAnonymised\": " + INTERACTIONS + "}");
		}
		int offset = Integer.parseInt(request.query().replaceAll(".*offset=(\\d+).*", "$1"));
		int limit = Integer.parseInt(request.query().replaceAll(".*limit=(\\d+).*", "$1"));
		return Answer.json(IntStream.range(offset, Math.min(offset + limit, INTERACTIONS))
			.mapToObj(
					(i) -> "{\"id\": \"i-" + i + "\", \"@type\": \"PartyInteraction\", \"reason\": \"call " + i + "\"}")
			.collect(Collectors.joining(",", "[", "]")));
	}

	/**
	 * What the interaction service was asked, one line per request: method, path and
	 * query, body.
	 */
	private static List<String> requests() {
		return interactionService.requests.stream()
			.map((request) -> request.method() + " " + request.pathAndQuery() + " " + request.body())
			.toList();
	}

	@AfterAll
	static void stopInteractionService() {
		interactionService.close();
	}

	@DynamicPropertySource
	static void interactionServiceLocation(DynamicPropertyRegistry registry) {
		registry.add("spring.http.serviceclient.interactions.base-url", () -> interactionService.baseUrl());
	}

	@BeforeEach
	void createCustomer() {
		failing = false;
		interactionService.requests.clear();
		this.customer = this.client.post()
			.uri(CustomerApi.BASE_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.body(CustomerCreate.of("Rosalind Franklin",
					EngagedParty.individual("Rosalind", "Franklin", LocalDate.of(1920, 7, 25)),
					List.of(ContactMedium.email("rosalind@example.org"))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Customer.class)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void downloadsEverythingHeldAboutACustomerAsOneDocumentAndRecordsIt() {
		Agreement agreement = establishAgreement();

		this.client.get()
			.uri("/inventory/v1/customer/" + this.customer.id() + "/export")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Content-Disposition", "attachment; filename=\"customer-" + this.customer.id() + ".json\"")
			.expectBody()
			.jsonPath("$.exportedBy")
			.isEqualTo("dpo@example.org")
			.jsonPath("$.customer.engagedParty.id")
			.isEqualTo(this.customer.engagedParty().id())
			.jsonPath("$.party.givenName")
			.isEqualTo("Rosalind")
			.jsonPath("$.party.birthDate")
			.isEqualTo("1920-07-25T00:00:00Z")
			.jsonPath("$.customer.contactMedium[0].emailAddress")
			.isEqualTo("rosalind@example.org")
			.jsonPath("$.agreement[0].id")
			.isEqualTo(agreement.id())
			.jsonPath("$.partyInteraction.length()")
			.isEqualTo(INTERACTIONS)
			.jsonPath("$.partyInteraction[1002].reason")
			.isEqualTo("call 1002");
		assertThat(requests()).extracting((request) -> request.replaceAll("relatedParty[^&]*&", ""))
			.containsExactly("GET /tmf-api/partyInteraction/v5/partyInteraction?offset=0&limit=1000 ",
					"GET /tmf-api/partyInteraction/v5/partyInteraction?offset=1000&limit=1000 ");
		assertThat(requests()).allSatisfy(
				(request) -> assertThat(request).contains("relatedParty.partyOrPartyRole.id=" + this.customer.id()));

		this.client.get()
			.uri("/inventory/v1/customer/" + this.customer.id() + "/privacyRequest")
			.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.AUDITOR)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1)
			.jsonPath("$[0].kind")
			.isEqualTo("export")
			.jsonPath("$[0].requestedBy")
			.isEqualTo("dpo@example.org")
			.jsonPath("$[0].outcome")
			.isEqualTo("exported the record, 1 agreement(s) and 1003 interaction(s)");
		for (String role : List.of(Roles.DATA_STEWARD, Roles.AGENT, Roles.AUDITOR)) {
			this.client.get()
				.uri("/inventory/v1/customer/" + this.customer.id() + "/export")
				.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(role)))
				.exchange()
				.expectStatus()
				.isForbidden();
		}
	}

	@Test
	void aPartyIsDeletedOnlyOnceNoCustomerEngagesItAndIsErasedHereAndInTheInteractionLog() {
		String engaged = this.customer.engagedParty().href();
		this.client.delete()
			.uri(engaged)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.engagingCustomers[0]")
			.isEqualTo(this.customer.id());
		String alone = this.client.post()
			.uri(PartyApi.INDIVIDUAL_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"givenName\": \"Maurice\", \"familyName\": \"Wilkins\", \"birthDate\": \"1916-12-15\"}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String id = this.json.readTree(alone).path("id").asString();

		this.client.delete().uri(PartyApi.INDIVIDUAL_PATH + "/" + id).exchange().expectStatus().isNoContent();

		this.client.get().uri(PartyApi.INDIVIDUAL_PATH + "/" + id).exchange().expectStatus().isNotFound();
		assertThat(requests()).containsExactly("POST /interaction/v1/erasure {\"partyId\":\"" + id + "\"}");
		assertThat(this.jdbc.queryForObject("select document::text from party where id = ?::uuid", String.class, id))
			.contains("erased-5eed")
			.doesNotContain("Maurice", "Wilkins", "1916");

		this.client.delete().uri(this.customer.href()).exchange().expectStatus().isNoContent();
		this.client.delete().uri(engaged).exchange().expectStatus().isNoContent();
		this.client.get().uri(engaged).exchange().expectStatus().isNotFound();
	}

	@Test
	void aDownloadIsNeverPartial() {
		failing = true;

		this.client.get()
			.uri("/inventory/v1/customer/" + this.customer.id() + "/export")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:peer-unavailable");
		this.client.get()
			.uri("/inventory/v1/customer/" + this.customer.id() + "/privacyRequest")
			.exchange()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(0);
	}

	@Test
	void erasesACustomerHereAndInTheInteractionLogOnceItsAgreementsEnded() {
		Agreement agreement = establishAgreement();
		String erasure = "/inventory/v1/customer/" + this.customer.id() + "/erasure";

		this.client.post()
			.uri(erasure)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.agreementsInForce[0]")
			.isEqualTo(agreement.id());
		patch(agreement.href(), "{\"status\": \"terminated\"}").expectStatus().isOk();
		failing = true;
		this.client.post().uri(erasure).exchange().expectStatus().isEqualTo(503);
		assertThat(read().name()).isEqualTo("Rosalind Franklin");

		failing = false;
		interactionService.requests.clear();
		this.client.post()
			.uri(erasure)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.pseudonym")
			.isEqualTo("erased-5eed")
			.jsonPath("$.interactionsAnonymised")
			.isEqualTo(INTERACTIONS);
		assertThat(requests())
			.containsExactly("POST /interaction/v1/erasure {\"partyId\":\"" + this.customer.id() + "\"}");

		Customer erased = read();
		assertThat(erased.name()).isEqualTo("erased-5eed");
		assertThat(erased.status()).isEqualTo(CustomerStatus.CLOSED);
		assertThat(erased.contactMedium()).isEmpty();
		assertThat(erased.engagedParty()).extracting("type", "id", "name")
			.containsExactly("PartyRef", this.customer.engagedParty().id(), "erased-5eed");
		// Erasure is of the person: its individual keeps nothing but the pseudonym.
		this.client.get()
			.uri(erased.engagedParty().href())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.givenName")
			.isEqualTo("erased-5eed")
			.jsonPath("$.familyName")
			.isEqualTo("erased-5eed")
			.jsonPath("$.birthDate")
			.doesNotExist()
			.jsonPath("$.individualIdentification")
			.doesNotExist();
		assertThat(erased.agreement()).extracting(EntityRef::id).containsExactly(agreement.id());
		patch(this.customer.href(), "{\"name\": \"Rosalind Franklin\"}").expectStatus().isEqualTo(409);
		this.client.post().uri(erasure).exchange().expectStatus().isOk();
		this.client.get()
			.uri("/inventory/v1/customer/" + this.customer.id() + "/privacyRequest")
			.exchange()
			.expectBody()
			.jsonPath("$[*].kind")
			.isEqualTo(List.of("erasure", "erasure"));
		this.client.post()
			.uri(erasure)
			.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.DATA_STEWARD)))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void erasingTheCustomerOfAPartyHeldElsewhereLeavesAReferenceToThePseudonymOnly() {
		Customer referring = this.client.post()
			.uri(CustomerApi.BASE_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.body(CustomerCreate.of("Moon Club",
					EngagedParty.reference("500", null, "Happy Travellers", "Organization"),
					List.of(ContactMedium.email("moon@example.org"))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Customer.class)
			.returnResult()
			.getResponseBody();

		this.client.post()
			.uri("/inventory/v1/customer/" + referring.id() + "/erasure")
			.exchange()
			.expectStatus()
			.isOk();

		Customer erased = this.client.get()
			.uri(referring.href())
			.exchange()
			.expectBody(Customer.class)
			.returnResult()
			.getResponseBody();
		assertThat(erased.engagedParty()).extracting("type", "id", "name", "referredType")
			.containsExactly("PartyRef", "erased-5eed", "erased-5eed", "Organization");
	}

	@Test
	void deletingACustomerErasesItAndTakesItOffTheApiWhileItsTrailStays() {
		Agreement agreement = establishAgreement();
		this.client.delete().uri(this.customer.href()).exchange().expectStatus().isEqualTo(409);
		patch(agreement.href(), "{\"status\": \"terminated\"}").expectStatus().isOk();
		this.client.delete()
			.uri(this.customer.href())
			.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.DATA_STEWARD)))
			.exchange()
			.expectStatus()
			.isForbidden();
		interactionService.requests.clear();

		this.client.delete().uri(this.customer.href()).exchange().expectStatus().isNoContent();

		assertThat(requests())
			.containsExactly("POST /interaction/v1/erasure {\"partyId\":\"" + this.customer.id() + "\"}");
		this.client.get().uri(this.customer.href()).exchange().expectStatus().isNotFound();
		this.client.delete().uri(this.customer.href()).exchange().expectStatus().isNotFound();
		patch(this.customer.href(), "{\"name\": \"Rosalind Franklin\"}").expectStatus().isNotFound();
		this.client.get()
			.uri(CustomerApi.BASE_PATH + "?id=" + this.customer.id())
			.exchange()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(0);
		this.client.get()
			.uri("/inventory/v1/customer/" + this.customer.id() + "/privacyRequest")
			.exchange()
			.expectBody()
			.jsonPath("$[*].kind")
			.isEqualTo(List.of("erasure"));
	}

	@Test
	void listenersNeverReceiveAnErasedCustomersPersonalDataAndLearnOfTheErasureAndTheDeletion() throws IOException {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			this.client.post()
				.uri("/tmf-api/customerManagement/v5/hub")
				.contentType(MediaType.APPLICATION_JSON)
				.body(new HubRegistration(receiver.url(), null))
				.exchange()
				.expectStatus()
				.isCreated();
			Customer ada = this.client.post()
				.uri(CustomerApi.BASE_PATH)
				.contentType(MediaType.APPLICATION_JSON)
				.body(CustomerCreate.of("Ada Byron",
						EngagedParty.individual("Ada", "Byron", LocalDate.of(1815, 12, 10)),
						List.of(ContactMedium.email("ada.byron@example.org"))))
				.exchange()
				.expectBody(Customer.class)
				.returnResult()
				.getResponseBody();

			this.client.post().uri("/inventory/v1/customer/" + ada.id() + "/erasure").exchange().expectStatus().isOk();
			this.dispatcher.deliverDue();

			assertThat(receiver.accepted()).extracting((received) -> this.json.readTree(received.body()))
				.extracting((event) -> event.path("eventType").asString() + " "
						+ event.path("event").path("customer").path("name").asString())
				.containsExactly("CustomerStateChangeEvent erased-5eed",
						"CustomerAttributeValueChangeEvent erased-5eed");

			this.client.delete().uri(ada.href()).exchange().expectStatus().isNoContent();
			this.dispatcher.deliverDue();

			assertThat(receiver.accepted()).extracting((received) -> this.json.readTree(received.body()))
				.last()
				.satisfies((event) -> {
					assertThat(event.path("eventType").asString()).isEqualTo("CustomerDeleteEvent");
					assertThat(event.path("event").path("customer").path("id").asString()).isEqualTo(ada.id());
				});
			assertThat(receiver.requests).noneSatisfy((received) -> assertThat(received.body()).contains("Byron"));
		}
	}

	private Agreement establishAgreement() {
		Agreement agreement = this.client.post()
			.uri(AgreementApi.BASE_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new AgreementCreate("Mobile 5G unlimited", null, "commercial", null,
					List.of(new RelatedParty("customer", new EntityRef(this.customer.id(), null, null, "Customer"))),
					null, null))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Agreement.class)
			.returnResult()
			.getResponseBody();
		patch(agreement.href(), "{\"status\": \"active\"}").expectStatus().isOk();
		return agreement;
	}

	private Customer read() {
		return this.client.get()
			.uri(this.customer.href())
			.exchange()
			.expectBody(Customer.class)
			.returnResult()
			.getResponseBody();
	}

	private RestTestClient.ResponseSpec patch(String href, String body) {
		return this.client.patch()
			.uri(href)
			.contentType(MediaType.parseMediaType(JsonMergePatch.MEDIA_TYPE))
			.body(body)
			.exchange();
	}

}
