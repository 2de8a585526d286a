package org.crmbackoffice.inventory.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.crmbackoffice.model.agreement.AgreementApi;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.party.PartyApi;
import org.crmbackoffice.support.security.EndpointPermissions;
import org.crmbackoffice.support.security.ResourceServerSecurity;
import org.crmbackoffice.support.security.RolePermissions;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.AccessMatrix.Answer;
import org.crmbackoffice.testsupport.AccessMatrix.As;
import org.crmbackoffice.testsupport.AccessMatrix;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.EventStreamClient;
import org.crmbackoffice.testsupport.JsonClient;
import org.crmbackoffice.testsupport.StandInService;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

/**
 * The inventory's whole access matrix: every endpoint, every role, no token and a partner
 * on another partner's records, each answer as the role table and endpoint permissions
 * say. The interaction service, which erasures and downloads ask, is a stand-in that
 * answers as it does for a party without interactions.
 */
@ApiIntegrationTest
@TestPropertySource(properties = "crm.hub.allow-private-callbacks=true")
class AccessMatrixTests {

	private static final String V5 = CustomerApi.BASE_PATH;

	private static final String V4 = "/tmf-api/customerManagement/v4/customer";

	private static final String PRIVACY = "/inventory/v1/customer";

	private static final String QUALITY = "/inventory/v1/quality";

	private static final String DELIVERY = "/inventory/v1/delivery";

	private static final String EVENTS = "/inventory/v1/events";

	private static final List<String> HUBS = List.of("/tmf-api/customerManagement/v5/hub",
			"/tmf-api/customerManagement/v4/hub", PartyApi.BASE_PATH + "/hub");

	private static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

	@AutoClose
	private static final StandInService interactionService = startInteractionService();

	@LocalServerPort
	int port;

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	private JsonClient admin;

	@DynamicPropertySource
	static void interactionServiceLocation(DynamicPropertyRegistry registry) {
		registry.add("spring.http.serviceclient.interactions.base-url", () -> interactionService.baseUrl());
	}

	private static StandInService startInteractionService() {
		TestIssuer.shared()
			.registerClient("customer-inventory-service", "customer-inventory-service-secret",
					List.of(Roles.CUSTOMER_INVENTORY_SERVICE));
		try {
			return StandInService.start((request) -> request.method().equals("POST")
					? StandInService.Answer
						.json("{\"pseudonym\": \"erased-" + UUID.randomUUID() + "\", \"interactionsAnonymised\": 0}")
					: StandInService.Answer.json("[]"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void everyEndpointAnswersEachCallerAsTheRoleTableSays(@Autowired RolePermissions roles,
			@Autowired EndpointPermissions endpoints,
			@Autowired RequestMappingHandlerMapping requestMappingHandlerMapping) {
		String adminToken = TestIssuer.shared().tokenFor(Roles.ADMIN);
		this.admin = new JsonClient(
				this.client.mutate().defaultHeaders((headers) -> headers.setBearerAuth(adminToken)).build(), this.json);
		JsonNode owner = customer("Owner");
		String ownerId = owner.path("id").asString();
		String individual = owner.path("engagedParty").path("id").asString();
		JsonNode company = this.admin.post(V5, """
				{"name": "Company Owner", "engagedParty": {"@type": "Organization", "tradingName": "Owner Ltd"}}""");
		String companyId = company.path("id").asString();
		String organization = company.path("engagedParty").path("id").asString();
		String otherPartner = customer("Other partner").path("id").asString();
		String agreement = this.admin.post(AgreementApi.BASE_PATH, agreementOf(ownerId)).path("id").asString();
		String run = completedRun();
		String finding = disputedFinding(ownerId);
		String merge = merge();
		List<String> listeners = HUBS.stream().map(this::listener).toList();
		customer("Event for the listeners");
		String delivery = this.admin.get(DELIVERY + "?hubId=" + listeners.get(0)).get(0).path("id").asString();

		AccessMatrix matrix = new AccessMatrix(this.client, roles, endpoints, otherPartner);
		customerRows(matrix, V5, ownerId, newCustomer("v5"));
		customerRows(matrix, V4, ownerId, """
				{"name": "Created in v4", "engagedParty": {"@referredType": "Organization", "id": "500"}}""");
		partyRows(matrix, PartyApi.INDIVIDUAL_PATH, individual, ownerId, """
				{"@type": "Individual", "givenName": "Ina", "familyName": "Matrix"}""",
				"{\"middleName\": \"Quietly\"}");
		partyRows(matrix, PartyApi.ORGANIZATION_PATH, organization, companyId, """
				{"@type": "Organization", "name": "Matrix Ltd"}""", "{\"tradingName\": \"Matrix\"}");
		matrix.row(POST, AgreementApi.BASE_PATH, 201, (as) -> post(as, AgreementApi.BASE_PATH, agreementOf(ownerId)));
		matrix.row(GET, AgreementApi.BASE_PATH, 200, (as) -> get(as, AgreementApi.BASE_PATH, ownerId, agreement));
		matrix
			.row(GET, AgreementApi.BASE_PATH + "/{id}", 200,
					(as) -> get(as, AgreementApi.BASE_PATH + "/" + agreement, ownerId, agreement))
			.foreign(404);
		matrix.row(PATCH, AgreementApi.BASE_PATH + "/{id}", 200,
				(as) -> patch(as, AgreementApi.BASE_PATH + "/" + agreement, "{\"description\": \"Checked\"}"));
		matrix.row(GET, PRIVACY + "/{id}/export", 200,
				(as) -> get(as, PRIVACY + "/" + ownerId + "/export", ownerId, ownerId));
		matrix.row(POST, PRIVACY + "/{id}/erasure", 200,
				(as) -> post(as, PRIVACY + "/" + customer("Erased").path("id").asString() + "/erasure", ""));
		matrix.row(GET, PRIVACY + "/{id}/privacyRequest", 200,
				(as) -> get(as, PRIVACY + "/" + ownerId + "/privacyRequest", ownerId, ownerId));
		qualityRows(matrix, ownerId, run, finding, merge);
		for (String report : List.of("/inventory/v1/audit/entry", "/inventory/v1/audit/entry/export",
				"/inventory/v1/audit/verify", "/inventory/v1/report/usage", "/inventory/v1/report/anomaly")) {
			matrix.row(GET, report, 200, (as) -> get(as, report, ownerId, null));
		}
		for (int i = 0; i < HUBS.size(); i++) {
			hubRows(matrix, HUBS.get(i), listeners.get(i));
		}
		matrix.row(GET, EVENTS, 200, (as) -> openStream(as, ownerId));
		matrix.row(GET, DELIVERY, 200, (as) -> get(as, DELIVERY, ownerId, null));
		matrix.row(GET, DELIVERY + "/{id}", 200, (as) -> get(as, DELIVERY + "/" + delivery, ownerId, null));
		matrix.row(POST, DELIVERY + "/redeliver", 200,
				(as) -> post(as, DELIVERY + "/redeliver?hubId=" + listeners.get(0), ""));
		matrix.row(POST, DELIVERY + "/{id}/redeliver", 200,
				(as) -> post(as, DELIVERY + "/" + delivery + "/redeliver", ""));

		Instant start = Instant.now();
		Map<Integer, Integer> answers = matrix.verify(requestMappingHandlerMapping, ResourceServerSecurity.OPEN_PATHS);
		System.out.println("Access matrix of the customer inventory, calls by status: " + answers + " in "
				+ Duration.between(start, Instant.now()).toMillis() + " ms");
	}

	private void customerRows(AccessMatrix matrix, String base, String ownerId, String created) {
		matrix.row(POST, base, 201, (as) -> post(as, base, created));
		matrix.row(GET, base, 200, (as) -> get(as, base + "?limit=1000", ownerId, ownerId));
		matrix.row(GET, base + "/{id}", 200, (as) -> get(as, base + "/" + ownerId, ownerId, ownerId)).foreign(404);
		matrix.row(PATCH, base + "/{id}", 200,
				(as) -> patch(as, base + "/" + ownerId, "{\"description\": \"Checked\"}"));
		matrix.row(DELETE, base + "/{id}", 204,
				(as) -> delete(as, base + "/" + customer("Deleted").path("id").asString()));
	}

	private void partyRows(AccessMatrix matrix, String base, String partyId, String ownerId, String created,
			String change) {
		matrix.row(POST, base, 201, (as) -> post(as, base, created));
		matrix.row(GET, base, 200, (as) -> get(as, base + "?limit=1000", ownerId, partyId));
		matrix.row(GET, base + "/{id}", 200, (as) -> get(as, base + "/" + partyId, ownerId, partyId)).foreign(404);
		matrix.row(PATCH, base + "/{id}", 200, (as) -> patch(as, base + "/" + partyId, change));
		matrix.row(DELETE, base + "/{id}", 204,
				(as) -> delete(as, base + "/" + this.admin.post(base, created).path("id").asString()));
	}

	private void qualityRows(AccessMatrix matrix, String ownerId, String run, String finding, String merge) {
		matrix.row(GET, QUALITY + "/rule", 200, (as) -> get(as, QUALITY + "/rule", ownerId, null));
		matrix.row(POST, QUALITY + "/run", 201, (as) -> {
			Answer answer = post(as, QUALITY + "/run", "{\"dataSource\": \"no-such-source\"}");
			awaitNoRunningRun();
			return answer;
		});
		matrix.row(GET, QUALITY + "/run", 200, (as) -> get(as, QUALITY + "/run", ownerId, null));
		matrix.row(GET, QUALITY + "/run/{id}", 200, (as) -> get(as, QUALITY + "/run/" + run, ownerId, null));
		matrix.row(POST, QUALITY + "/run/{id}/cancel", 200, (as) -> {
			String running = runningElsewhere();
			Answer answer = post(as, QUALITY + "/run/" + running + "/cancel", "");
			this.jdbc.update("update quality_run set status = 'cancelled', owner = null where id = ?::uuid", running);
			return answer;
		});
		matrix.row(GET, QUALITY + "/finding", 200, (as) -> get(as, QUALITY + "/finding", ownerId, null));
		matrix.row(GET, QUALITY + "/finding/{id}", 200,
				(as) -> get(as, QUALITY + "/finding/" + finding, ownerId, null));
		matrix.row(PATCH, QUALITY + "/finding/{id}", 200, (as) -> patch(as, QUALITY + "/finding/" + finding,
				"{\"status\": \"accepted\", \"statusReason\": \"A known exception\"}"));
		matrix.row(POST, QUALITY + "/verification", 201, (as) -> post(as, QUALITY + "/verification",
				"{\"customerId\": \"%s\", \"outcome\": \"verified\"}".formatted(ownerId)));
		matrix.row(GET, QUALITY + "/verification", 200,
				(as) -> get(as, QUALITY + "/verification?customerId=" + ownerId, ownerId, null));
		matrix.row(POST, QUALITY + "/merge", 201,
				(as) -> post(as, QUALITY + "/merge", mergeOf(customer("Survivor"), customer("Duplicate"))));
		matrix.row(GET, QUALITY + "/merge/{id}", 200, (as) -> get(as, QUALITY + "/merge/" + merge, ownerId, null));
		matrix.row(GET, QUALITY + "/report", 200, (as) -> get(as, QUALITY + "/report", ownerId, null));
	}

	private void hubRows(AccessMatrix matrix, String hub, String listener) {
		matrix.row(POST, hub, 201, (as) -> post(as, hub, registration()));
		matrix.row(GET, hub + "/{id}", 200, (as) -> get(as, hub + "/" + listener, null, null));
		matrix.row(POST, hub + "/{id}/rotateSecret", 200, (as) -> post(as, hub + "/" + listener + "/rotateSecret", ""));
		matrix.row(DELETE, hub + "/{id}", 204, (as) -> delete(as, hub + "/" + listener(hub)));
	}

	/**
	 * A stream does not end by itself: its answer is its status, and the body of a
	 * refusal.
	 */
	private Answer openStream(As as, String owner) {
		try (EventStreamClient stream = EventStreamClient.open(URI.create("http://localhost:" + this.port + EVENTS),
				as.bearer(owner), null)) {
			return new Answer(stream.status(), (stream.status() == 200) ? "" : stream.refusal(), null);
		}
	}

	private static Answer get(As as, String uri, String owner, String recordId) {
		return as.answer(as.request(GET, uri, owner), recordId);
	}

	private static Answer post(As as, String uri, String body) {
		return as.answer(as.request(POST, uri, null).contentType(MediaType.APPLICATION_JSON).body(body), null);
	}

	private static Answer patch(As as, String uri, String mergePatch) {
		return as.answer(as.request(PATCH, uri, null).contentType(MERGE_PATCH).body(mergePatch), null);
	}

	private static Answer delete(As as, String uri) {
		return as.answer(as.request(DELETE, uri, null), null);
	}

	private JsonNode customer(String name) {
		return this.admin.post(V5, newCustomer(name));
	}

	private static String newCustomer(String name) {
		return """
				{"name": "%1$s",
				 "engagedParty": {"@type": "Individual", "givenName": "%1$s", "familyName": "Matrix"}}"""
			.formatted(name);
	}

	private static String agreementOf(String customerId) {
		return """
				{"name": "Fibre, 24 months", "agreementType": "commercial",
				 "engagedParty": [{"role": "customer",
				                   "partyOrPartyRole": {"id": "%s", "@referredType": "Customer"}}]}"""
			.formatted(customerId);
	}

	private static String registration() {
		return "{\"callback\": \"http://127.0.0.1:9/events\"}";
	}

	private String listener(String hub) {
		return this.admin.post(hub, registration()).path("id").asString();
	}

	private String completedRun() {
		String run = this.admin.post(QUALITY + "/run", "{\"dataSource\": \"no-such-source\"}").path("id").asString();
		awaitNoRunningRun();
		return run;
	}

	private void awaitNoRunningRun() {
		await(() -> this.jdbc.queryForObject("select count(*) from quality_run where status = 'running'",
				Long.class) == 0);
	}

	/**
	 * A run another instance is working through: through the API a run may end before it
	 * is cancelled, and the matrix needs one that is running when the call comes.
	 */
	private String runningElsewhere() {
		UUID run = UUID.randomUUID();
		this.jdbc.update("""
				insert into quality_run (id, status, data_source, requested_by, started_at, total, owner, heartbeat_at,
				    segment_started_at)
				values (?, 'running', 'no-such-source', 'matrix', now(), 1, 'another-instance', now(), now())""", run);
		return run.toString();
	}

	private String disputedFinding(String customerId) {
		this.admin.post(QUALITY + "/verification",
				"{\"customerId\": \"%s\", \"outcome\": \"disputed\", \"note\": \"Wrong name\"}".formatted(customerId));
		return this.admin.get(QUALITY + "/finding?customerId=" + customerId).get(0).path("id").asString();
	}

	private String merge() {
		return this.admin.post(QUALITY + "/merge", mergeOf(customer("Kept"), customer("Merged"))).path("id").asString();
	}

	private static String mergeOf(JsonNode survivor, JsonNode merged) {
		return "{\"survivorId\": \"%s\", \"mergedId\": \"%s\"}".formatted(survivor.path("id").asString(),
				merged.path("id").asString());
	}

	private static void await(Supplier<Boolean> condition) {
		Awaitility.await("the data-quality run to end").atMost(Duration.ofSeconds(30)).until(condition::get);
	}

}
