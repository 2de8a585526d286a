package org.crmbackoffice.inventory.quality;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.TestIssuer;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeds customers the way the inventory's feeding systems do, each from one source
 * system, and calls the data-quality API as a data steward. Defects the customer API
 * refuses (a missing given name, a country that is none, dates in the wrong order) are
 * written with SQL, as a bulk load that skipped the API would leave them.
 */
public final class QualityApi {

	static final String BASE = "/inventory/v1/quality";

	private static final AtomicInteger sequence = new AtomicInteger();

	private final RestTestClient client;

	private final JdbcTemplate jdbc;

	final String source;

	private final String steward = TestIssuer.shared().tokenFor(Roles.DATA_STEWARD);

	public QualityApi(RestTestClient client, JdbcTemplate jdbc) {
		this(client, jdbc, "test-" + UUID.randomUUID());
	}

	/**
	 * @param source the source system every customer seeded comes from; unique, so that
	 * runs see only them
	 */
	QualityApi(RestTestClient client, JdbcTemplate jdbc, String source) {
		this.client = client;
		this.jdbc = jdbc;
		this.source = source;
	}

	/**
	 * A unique, assigned London number and a unique email address for each customer
	 * seeded.
	 */
	static int next() {
		return sequence.incrementAndGet();
	}

	static String phone(int n) {
		return String.format("+44207946%04d", n % 10000);
	}

	static String email(int n) {
		return "customer" + n + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	static Map<String, Object> email(String address) {
		return Map.of("mediumType", "email", "preferred", true, "emailAddress", address);
	}

	static Map<String, Object> mobile(String number) {
		return Map.of("mediumType", "mobile", "phoneNumber", number);
	}

	static Map<String, Object> postal(String street, String postCode) {
		return Map.of("mediumType", "postalAddress", "street1", street, "city", "London", "postCode", postCode,
				"country", "GB");
	}

	static Map<String, Object> individual(String given, String family, String birthDate) {
		Map<String, Object> party = new LinkedHashMap<>();
		party.put("@type", "Individual");
		party.put("givenName", given);
		party.put("familyName", family);
		if (birthDate != null) {
			party.put("birthDate", birthDate);
		}
		return party;
	}

	/**
	 * A customer without any defect: individual, born, reachable by email and an assigned
	 * phone number.
	 */
	String clean(String given, String family, String birthDate) {
		int n = next();
		return create(given + " " + family, individual(given, family, birthDate),
				List.of(email(email(n)), mobile(phone(n))), null);
	}

	String create(String name, Map<String, Object> party, List<Map<String, Object>> media, String validFrom) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("engagedParty", party);
		body.put("contactMedium", media);
		body.put("dataSource", this.source);
		if (validFrom != null) {
			body.put("validFor", Map.of("startDateTime", validFrom));
		}
		JsonNode created = post(CustomerApi.BASE_PATH, body, 201);
		return created.get("id").asString();
	}

	void sql(String statement, Object... arguments) {
		this.jdbc.update(statement, arguments);
	}

	JsonNode get(String uri) {
		return this.client.get()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(this.steward))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	JsonNode post(String uri, Object body, int status) {
		return this.client.post()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(this.steward))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	JsonNode patch(String uri, Object body, int status) {
		return this.client.patch()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(this.steward))
			.contentType(MediaType.parseMediaType("application/merge-patch+json"))
			.body(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * Starts a run over this source's customers and waits for it to end (a generous
	 * deadline, no timing).
	 */
	JsonNode auditAndWait() {
		JsonNode run = post(BASE + "/run", Map.of("dataSource", this.source), 201);
		return awaitEnd(run.get("href").asString());
	}

	public JsonNode awaitEnd(String href) {
		return Awaitility.await("the end of run " + href)
			.atMost(Duration.ofMinutes(2))
			.until(() -> get(href), (run) -> !"running".equals(run.get("status").asString()));
	}

	List<JsonNode> findings(String customerId, String status) {
		JsonNode page = get(
				BASE + "/finding?limit=1000&customerId=" + customerId + ((status != null) ? "&status=" + status : ""));
		List<JsonNode> findings = new ArrayList<>();
		page.forEach(findings::add);
		return findings;
	}

	/** The rules of the customer's open findings. */
	Set<String> openRules(String customerId) {
		Set<String> rules = new TreeSet<>();
		findings(customerId, "open").forEach((finding) -> rules.add(finding.get("rule").asString()));
		return rules;
	}

	JsonNode finding(String customerId, String rule) {
		return findings(customerId, null).stream()
			.filter((finding) -> finding.get("rule").asString().equals(rule))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + rule + " finding for " + customerId));
	}

}
