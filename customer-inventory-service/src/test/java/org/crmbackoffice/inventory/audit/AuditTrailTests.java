package org.crmbackoffice.inventory.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.crmbackoffice.model.agreement.Agreement;
import org.crmbackoffice.model.agreement.AgreementApi;
import org.crmbackoffice.model.agreement.AgreementCreate;
import org.crmbackoffice.model.common.ContactMedium;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.common.RelatedParty;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.customer.CustomerCreate;
import org.crmbackoffice.model.customer.EngagedParty;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.support.web.JsonMergePatch;
import org.crmbackoffice.testsupport.StandInService;
import org.crmbackoffice.testsupport.StandInService.Answer;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of access to a customer record leaves exactly the entries it should, with
 * who, when, from where, why and what changed, and auditors alone read them. The
 * interaction service is a stand-in that has no interactions and erases on request.
 */
@AuditedInventoryTest
class AuditTrailTests {

	private static StandInService interactionService;

	@Autowired
	RestTestClient client;

	@Autowired
	JsonMapper json;

	@Autowired
	AuditTrail trail;

	private AuditClient audit;

	private final String steward = AuditClient.token("steward-" + UUID.randomUUID(), Roles.DATA_STEWARD);

	@BeforeAll
	static void startInteractionService() throws IOException {
		TestIssuer.shared()
			.registerClient("customer-inventory-service", "customer-inventory-service-secret",
					List.of(Roles.CUSTOMER_INVENTORY_SERVICE));
		interactionService = StandInService.start((request) -> Answer.json(request.method().equals("POST")
				? "{\"pseudonym\": \"erased-a11d\", \"interactionsAnonymised\": 0}" : "[]"));
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
	void auditClient() {
		this.audit = new AuditClient(this.client, this.json);
	}

	@Test
	void answersAnUnreadableCriterionWithAProblemThatNamesIt() {
		byte[] problem = this.audit.get(AuditClient.token("auditor-" + UUID.randomUUID(), Roles.AUDITOR),
				"/inventory/v1/audit/entry?recordId=not-a-customer-id", 400);

		assertThat(this.json.readTree(problem).path("errors").findValuesAsString("pointer"))
			.containsExactly("recordId");
	}

	@Test
	void recordsASingleReadWithWhoWhenFromWhereAndWhy() {
		Customer customer = this.audit.create(this.steward, individual("Grace Hopper"));
		String agent = "agent-" + UUID.randomUUID();
		String requestId = "req-" + UUID.randomUUID();
		Instant before = Instant.now();

		this.audit.get(AuditClient.token(agent, Roles.AGENT), customer.href(), 200, (headers) -> {
			headers.set("X-Purpose", "support case 4711");
			headers.set("X-Request-ID", requestId);
		});
		this.trail.flush();

		List<JsonNode> entries = this.audit.entries("recordId=" + customer.id() + "&operation=customer.read");
		assertThat(entries).singleElement().satisfies((entry) -> {
			assertThat(entry.path("operation").asString()).isEqualTo("customer.read");
			assertThat(entry.path("chain").asString()).isEqualTo("access");
			assertThat(entry.path("principal").asString()).isEqualTo(agent);
			assertThat(entry.path("clientId").asString()).isEqualTo(agent);
			assertThat(entry.path("roles").valueStream().map(JsonNode::asString)).containsExactly("agent");
			assertThat(entry.path("requestId").asString()).isEqualTo(requestId);
			assertThat(entry.path("sourceAddress").asString()).isEqualTo("127.0.0.1");
			assertThat(entry.path("purpose").asString()).isEqualTo("support case 4711");
			assertThat(Instant.parse(entry.path("occurredAt").asString())).isBetween(before, Instant.now());
			assertThat(entry.path("hash").asString()).hasSize(64);
		});
	}

	@Test
	void recordsEachRecordAListReturnsAsARead() {
		List<String> created = IntStream.range(0, 3)
			.mapToObj((i) -> this.audit.create(this.steward, individual("Listed Person" + i)).id())
			.toList();
		String supervisor = "supervisor-" + UUID.randomUUID();

		this.audit.get(AuditClient.token(supervisor, Roles.SUPERVISOR), CustomerApi.BASE_PATH + "?limit=3", 200);
		this.trail.flush();

		List<JsonNode> entries = this.audit.entries("principal=" + supervisor);
		assertThat(entries).hasSize(3)
			.allSatisfy((entry) -> assertThat(entry.path("operation").asString()).isEqualTo("customer.list"));
		assertThat(entries).extracting((entry) -> entry.path("recordId").asString())
			.containsExactlyInAnyOrderElementsOf(created);
	}

	@Test
	void refusesAnAgentWithoutAStatedPurposeAndRecordsNothing() {
		Customer customer = this.audit.create(this.steward, individual("Purpose Tested"));
		String agent = "agent-" + UUID.randomUUID();
		String supervisor = "supervisor-" + UUID.randomUUID();

		JsonNode problem = this.json
			.readTree(this.audit.get(AuditClient.token(agent, Roles.AGENT), customer.href(), 400));
		this.audit.get(AuditClient.token(agent, Roles.AGENT), CustomerApi.BASE_PATH, 400);
		this.audit.get(AuditClient.token(agent, Roles.AGENT), customer.href(), 400,
				(headers) -> headers.set("X-Purpose", "x".repeat(201)));
		this.audit.get(AuditClient.token(supervisor, Roles.SUPERVISOR), customer.href(), 200);
		this.trail.flush();

		assertThat(problem.path("type").asString()).isEqualTo("urn:crm-backoffice:problem:invalid-request");
		assertThat(problem.path("detail").asString()).contains("X-Purpose");
		assertThat(this.audit.entries("principal=" + agent)).isEmpty();
		assertThat(this.audit.entries("principal=" + supervisor)).singleElement()
			.satisfies((entry) -> assertThat(entry.path("purpose").isMissingNode()).isTrue());
	}

	@Test
	void recordsCreateChangeAndStateChangeWithWhatChangedButNoPersonalValues() {
		Customer customer = this.audit.create(this.steward, individual("Ada Lovelace"));
		patch(customer.href(), "{\"name\": \"Ada King\", \"description\": \"Countess of Lovelace\"}");
		patch(customer.href(), "{\"status\": \"approved\"}");

		List<JsonNode> entries = this.audit.entries("recordId=" + customer.id());
		assertThat(entries).extracting((entry) -> entry.path("operation").asString())
			.containsExactly("customer.create", "customer.update", "customer.state-change");
		assertThat(entries).allSatisfy((entry) -> assertThat(entry.path("chain").asString()).isEqualTo("change"));
		JsonNode created = entries.get(0).path("changes");
		assertThat(created.valueStream().map((change) -> change.path("field").asString())).contains("/name",
				"/engagedParty/id", "/contactMedium", "/status");
		// The person's own data was written to its party, a record of its own in the
		// trail.
		List<JsonNode> partyEntries = this.audit.entries("recordId=" + customer.engagedParty().id());
		assertThat(partyEntries).extracting((entry) -> entry.path("operation").asString())
			.containsExactly("party.create");
		assertThat(partyEntries.get(0).path("changes").valueStream().map((change) -> change.path("field").asString()))
			.contains("/givenName", "/familyName", "/birthDate", "/status");
		assertThat(created.valueStream().filter((change) -> change.path("field").asString().equals("/status")))
			.singleElement()
			.satisfies((status) -> assertThat(status.path("after").asString()).isEqualTo("initialized"));
		assertThat(this.json.writeValueAsString(entries.get(1).path("changes")))
			.isEqualTo("[{\"field\":\"/description\",\"personal\":true},{\"field\":\"/name\",\"personal\":true}]");
		assertThat(this.json.writeValueAsString(entries.get(2).path("changes")))
			.isEqualTo("[{\"field\":\"/status\",\"before\":\"initialized\",\"after\":\"approved\"}]");
		assertThat(this.json.writeValueAsString(entries) + this.json.writeValueAsString(partyEntries))
			.doesNotContain("Ada", "Lovelace", "King", "1815-12-10", "ada@example.org");
	}

	@Test
	void recordsTheExportAndTheErasureAndKeepsTheTrailOfTheErasedCustomer() {
		Customer customer = this.audit.create(this.steward, individual("Rosalind Franklin"));
		String admin = AuditClient.token("dpo-" + UUID.randomUUID(), Roles.ADMIN);
		this.audit.get(admin, customer.href(), 200);
		this.audit.get(admin, "/inventory/v1/customer/" + customer.id() + "/export", 200);
		this.client.post()
			.uri("/inventory/v1/customer/" + customer.id() + "/erasure")
			.headers((headers) -> headers.setBearerAuth(admin))
			.exchange()
			.expectStatus()
			.isOk();
		this.trail.flush();

		List<JsonNode> entries = this.audit.entries("recordId=" + customer.id());
		assertThat(entries).extracting((entry) -> entry.path("operation").asString())
			.containsExactly("customer.create", "customer.read", "customer.export", "customer.erase");
		assertThat(entries.get(2).path("changes").isMissingNode()).isTrue();
		JsonNode erasure = entries.get(3).path("changes");
		assertThat(erasure.valueStream().map((change) -> change.path("field").asString())).contains("/name",
				"/engagedParty/name", "/contactMedium", "/status");
		List<JsonNode> partyEntries = this.audit.entries("recordId=" + customer.engagedParty().id());
		assertThat(partyEntries).extracting((entry) -> entry.path("operation").asString())
			.containsExactly("party.create", "party.erase");
		assertThat(partyEntries.get(1).path("changes").valueStream().map((change) -> change.path("field").asString()))
			.contains("/givenName", "/familyName", "/birthDate");
		assertThat(this.json.writeValueAsString(entries) + this.json.writeValueAsString(partyEntries))
			.doesNotContain("Rosalind", "Franklin", "erased-a11d");
		assertThat(this.audit.verify().path("status").asString()).isEqualTo("ok");
	}

	@Test
	void recordsAReadOfAnAgreementAsAReadOfItsCustomer() {
		Customer customer = this.audit.create(this.steward, individual("Contract Holder"));
		Agreement agreement = this.client.post()
			.uri(AgreementApi.BASE_PATH)
			.headers((headers) -> headers.setBearerAuth(this.steward))
			.contentType(MediaType.APPLICATION_JSON)
			.body(new AgreementCreate("Mobile 5G unlimited", null, "commercial", null,
					List.of(new RelatedParty("customer", new EntityRef(customer.id(), null, null, "Customer"))), null,
					null))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Agreement.class)
			.returnResult()
			.getResponseBody();
		String supervisor = "supervisor-" + UUID.randomUUID();

		this.audit.get(AuditClient.token(supervisor, Roles.SUPERVISOR), agreement.href(), 200);
		this.audit.get(AuditClient.token(supervisor, Roles.SUPERVISOR),
				AgreementApi.BASE_PATH + "?engagedParty.id=" + customer.id(), 200);
		this.trail.flush();

		List<JsonNode> entries = this.audit.entries("recordId=" + customer.id());
		assertThat(entries)
			.extracting((entry) -> entry.path("operation").asString() + " " + entry.path("via").asString())
			.containsExactly("customer.create ", "agreement.create Agreement/" + agreement.id(),
					"agreement.read Agreement/" + agreement.id(), "agreement.list Agreement/" + agreement.id());
	}

	@Test
	void anAuditorPagesThroughTheTrailAndDownloadsItAsCsvAndNdjson() {
		Customer customer = this.audit.create(this.steward, individual("Often Read"));
		String supervisor = "supervisor-" + UUID.randomUUID();
		for (int i = 0; i < 3; i++) {
			this.audit.get(AuditClient.token(supervisor, Roles.SUPERVISOR), customer.href(), 200);
		}
		this.trail.flush();
		String query = "principal=" + supervisor + "&recordId=" + customer.id();

		this.client.get()
			.uri(AuditClient.ENTRIES + "?offset=1&limit=1&" + query)
			.headers((headers) -> headers.setBearerAuth(AuditClient.token("auditor", Roles.AUDITOR)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Total-Count", "3")
			.expectHeader()
			.valueEquals("X-Result-Count", "1");
		String csv = this.audit.asAuditor(AuditClient.ENTRIES + "/export?format=csv&" + query);
		String ndjson = this.audit.asAuditor(AuditClient.ENTRIES + "/export?format=ndjson&" + query);

		List<String> rows = csv.lines().toList();
		assertThat(rows).hasSize(4);
		assertThat(rows.get(0)).startsWith("id,chain,sequence,occurredAt,principal,clientId,roles,operation,recordId");
		assertThat(rows.subList(1, 4)).allSatisfy((row) -> assertThat(row).contains(",access,", "," + supervisor + ",",
				",supervisor,customer.read," + customer.id() + ","));
		List<JsonNode> lines = ndjson.lines().map(this.json::readTree).toList();
		assertThat(lines).hasSize(3).allSatisfy((line) -> {
			assertThat(line.path("recordId").asString()).isEqualTo(customer.id());
			assertThat(line.path("principal").asString()).isEqualTo(supervisor);
		});
		assertThat(lines).extracting((line) -> line.path("hash").asString())
			.containsExactlyElementsOf(
					this.audit.entries(query).stream().map((entry) -> entry.path("hash").asString()).toList());
	}

	@Test
	void guardsCellsThatSpreadsheetsWouldEvaluateInTheCsvDownload() {
		String formula = "=HYPERLINK(\"http://x\")";
		Customer customer = this.audit.create(this.steward,
				CustomerCreate.of(formula, EngagedParty.individual("Mallory", "Formula", LocalDate.of(1980, 1, 1)),
						List.of(ContactMedium.email("mallory@example.org"))));
		String reader = "@reader-" + UUID.randomUUID();
		this.audit.get(AuditClient.token(reader, Roles.SUPERVISOR), customer.href(), 200,
				(headers) -> headers.set("X-Purpose", formula));
		this.trail.flush();

		byte[] csv = this.client.get()
			.uri(AuditClient.ENTRIES + "/export?format=csv&operation=customer.read&recordId=" + customer.id())
			.headers((headers) -> headers.setBearerAuth(AuditClient.token("auditor", Roles.AUDITOR)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/csv;charset=UTF-8")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();

		List<List<String>> rows = readCsv(csv);
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).containsExactly("id", "chain", "sequence", "occurredAt", "principal", "clientId",
				"roles", "operation", "recordId", "via", "requestId", "sourceAddress", "purpose", "changes",
				"previousHash", "hash");
		List<String> read = rows.get(1);
		assertThat(read.get(4)).isEqualTo("'" + reader);
		assertThat(read.get(8)).isEqualTo(customer.id());
		assertThat(read.get(12)).isEqualTo("'" + formula);
		assertThat(new String(csv, StandardCharsets.UTF_8)).contains(",\"'=HYPERLINK(\"\"http://x\"\")\",");
	}

	@Test
	void onlyAuditorsAndAdministratorsReadTheTrail() {
		for (String role : List.of(Roles.AGENT, Roles.SUPERVISOR, Roles.DATA_STEWARD, Roles.PARTNER)) {
			for (String uri : List.of(AuditClient.ENTRIES, AuditClient.ENTRIES + "/export?format=ndjson",
					AuditClient.VERIFY)) {
				this.audit.get(AuditClient.token("no-auditor", role), uri, 403,
						(headers) -> headers.set("X-Purpose", "curiosity"));
			}
		}
		for (String role : Set.of(Roles.AUDITOR, Roles.ADMIN)) {
			this.audit.get(AuditClient.token("auditor-" + role, role), AuditClient.VERIFY, 200);
		}
	}

	private void patch(String href, String mergePatch) {
		this.client.patch()
			.uri(href)
			.headers((headers) -> headers.setBearerAuth(this.steward))
			.contentType(MediaType.parseMediaType(JsonMergePatch.MEDIA_TYPE))
			.body(mergePatch)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private static List<List<String>> readCsv(byte[] csv) {
		CsvMapper mapper = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
		try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(csv)) {
			return rows.readAll();
		}
	}

	private static CustomerCreate individual(String name) {
		String[] names = name.split(" ", 2);
		return CustomerCreate.of(name, EngagedParty.individual(names[0], names[1], LocalDate.of(1815, 12, 10)),
				List.of(ContactMedium.email(names[0].toLowerCase() + "@example.org")));
	}

}
