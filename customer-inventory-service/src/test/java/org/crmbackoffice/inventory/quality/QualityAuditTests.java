package org.crmbackoffice.inventory.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.crmbackoffice.model.agreement.AgreementApi;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An audit run finds exactly the defects seeded into customer records, rule by rule, and
 * nothing on clean ones; its report counts what it found; the report page is served.
 */
@ApiIntegrationTest
@TestPropertySource(properties = "crm.quality.chunk-size=3")
class QualityAuditTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	private QualityApi api;

	@BeforeEach
	void newSource() {
		this.api = new QualityApi(this.client, this.jdbc);
	}

	@Test
	void eachRuleFindsExactlyTheSeededDefectsAndNothingOnCleanCustomers() {
		Map<String, Set<String>> expected = new LinkedHashMap<>();
		String clean = this.api.create("Clara Cleanwater", QualityApi.individual("Clara", "Cleanwater", "1971-03-04"),
				List.of(QualityApi.email(QualityApi.email(1)), QualityApi.mobile(QualityApi.phone(QualityApi.next())),
						QualityApi.postal("10 Downing Street", "SW1A 2AA")),
				"2020-01-01T00:00:00Z");
		expected.put(clean, Set.of());
		expected.put(this.api.create("Nora Nocontact", QualityApi.individual("Nora", "Nocontact", "1972-01-01"),
				List.of(), null), Set.of("contact-medium-required"));
		int n = QualityApi.next();
		expected.put(this.api.create("Edgar Bademail", QualityApi.individual("Edgar", "Bademail", "1973-01-01"),
				List.of(QualityApi.email("edgar" + n + "@example.c"), QualityApi.mobile(QualityApi.phone(n))), null),
				Set.of("email-invalid"));
		n = QualityApi.next();
		expected.put(
				this.api.create("Phil Badphone", QualityApi.individual("Phil", "Badphone", "1974-01-01"),
						List.of(QualityApi.email(QualityApi.email(n)), QualityApi.mobile("+44 1000 000000")), null),
				Set.of("phone-invalid"));
		expected.put(withPostal("Paula Postcode", "1975-01-01", "12345"), Set.of("postcode-invalid"));
		String badCountry = withPostal("Connor Country", "1976-01-01", "EC1A 1BB");
		this.api.sql("update customer_contact_medium set country = 'XX' where customer_id = ?::uuid and position = 2",
				badCountry);
		expected.put(badCountry, Set.of("country-invalid"));
		String nameless = this.api.clean("Gina", "Givenless", "1977-01-01");
		// As an import could have left it: the API refuses an individual without a given
		// name.
		this.api.sql("update party set given_name = null where id = (select party_id from customer where id = ?::uuid)",
				nameless);
		expected.put(nameless, Set.of("name-parts-required"));
		expected.put(this.api.clean("Bert", "Birthless", null), Set.of("party-data-required"));
		n = QualityApi.next();
		expected.put(
				this.api.create("Ulla Elsewhere",
						Map.of("@type", "PartyRef", "id", "party-" + n, "@referredType", "Individual"),
						List.of(QualityApi.email(QualityApi.email(n)), QualityApi.mobile(QualityApi.phone(n))), null),
				Set.of("party-unresolved"));
		String reversed = this.api.create("Rita Reversed", QualityApi.individual("Rita", "Reversed", "1978-01-01"),
				List.of(QualityApi.email(QualityApi.email(QualityApi.next()))), "2021-06-01T00:00:00Z");
		this.api.sql("update customer set valid_to = valid_from - interval '1 day' where id = ?::uuid", reversed);
		expected.put(reversed, Set.of("dates-out-of-order"));
		Map<String, Object> expiredEmail = new LinkedHashMap<>(QualityApi.email(QualityApi.email(QualityApi.next())));
		expiredEmail.put("validFor",
				Map.of("startDateTime", "2020-01-01T00:00:00Z", "endDateTime", "2024-01-01T00:00:00Z"));
		expected.put(this.api.create("Evan Expired", QualityApi.individual("Evan", "Expired", "1979-01-01"),
				List.of(expiredEmail), null), Set.of("contact-media-expired"));
		String stale = this.api.clean("Stella", "Stale", "1980-02-02");
		this.api.sql("update customer set updated_at = now() - interval '400 days' where id = ?::uuid", stale);
		expected.put(stale, Set.of("not-verified"));
		String closed = this.api.clean("Clive", "Closedwithcontract", "1981-01-01");
		String contract = agreement(closed, "2024-01-01T00:00:00Z");
		patch(AgreementApi.BASE_PATH + "/" + contract, Map.of("status", "active"));
		patch(CustomerApi.BASE_PATH + "/" + closed, Map.of("status", "closed", "statusReason", "moved away"));
		expected.put(closed, Set.of("closed-with-agreements-in-force"));
		String late = this.api.create("Lara Latecomer", QualityApi.individual("Lara", "Latecomer", "1982-01-01"),
				List.of(QualityApi.email(QualityApi.email(QualityApi.next()))), "2022-01-01T00:00:00Z");
		agreement(late, "2021-01-01T00:00:00Z");
		expected.put(late, Set.of("agreement-outside-validity"));
		String sharedEmail = QualityApi.email(QualityApi.next());
		String firstOfEmail = this.api.create("Dora Dupmail", QualityApi.individual("Dora", "Dupmail", "1983-01-01"),
				List.of(QualityApi.email(sharedEmail)), null);
		String secondOfEmail = this.api.create("Dan Otherperson",
				QualityApi.individual("Dan", "Otherperson", "1984-01-01"),
				List.of(QualityApi.email(sharedEmail.toUpperCase())), null);
		expected.put(firstOfEmail, Set.of("duplicate-email"));
		expected.put(secondOfEmail, Set.of("duplicate-email"));
		String sharedPhone = QualityApi.phone(QualityApi.next());
		expected.put(this.api.create("Pia Dupphone", QualityApi.individual("Pia", "Dupphone", "1985-01-01"),
				List.of(QualityApi.mobile(sharedPhone)), null), Set.of("duplicate-phone"));
		expected.put(
				this.api.create("Pete Alsophone", QualityApi.individual("Pete", "Alsophone", "1986-01-01"),
						List.of(QualityApi.mobile(sharedPhone.substring(3).replaceFirst("^", "0"))), null),
				Set.of("duplicate-phone"));
		expected.put(this.api.clean("Jonathan", "Twinbirthsworth", "1931-07-08"),
				Set.of("similar-name-same-birth-date"));
		expected.put(this.api.clean("Jonathon", "Twinbirthsworth", "1931-07-08"),
				Set.of("similar-name-same-birth-date"));
		expected.put(withPostal("Margaret Samehouseley", "1987-01-01", "W1A 1AA"), Set.of("similar-name-same-address"));
		expected.put(withPostal("Margret Samehouseley", "1988-01-01", "w1a1aa"), Set.of("similar-name-same-address"));

		JsonNode run = this.api.auditAndWait();

		assertThat(run.get("status").asString()).isEqualTo("completed");
		assertThat(run.get("total").asLong()).isEqualTo(expected.size());
		assertThat(run.get("checked").asLong()).isEqualTo(expected.size());
		assertThat(run.get("progress").asDouble()).isEqualTo(1.0);
		assertThat(run.get("findings").asLong()).isEqualTo(expected.values().stream().mapToInt(Set::size).sum());
		expected.forEach(
				(customer, rules) -> assertThat(this.api.openRules(customer)).as("rules finding customer %s", customer)
					.isEqualTo(rules));
		JsonNode duplicate = this.api.finding(firstOfEmail, "duplicate-email");
		assertThat(duplicate.get("relatedCustomer").get("id").asString()).isEqualTo(secondOfEmail);
		assertThat(duplicate.get("severity").asString()).isEqualTo("high");
		assertThat(duplicate.get("dataSource").asString()).isEqualTo(this.api.source);
		assertThat(this.api.finding(nameless, "name-parts-required").get("fields").get(0).asString())
			.isEqualTo("engagedParty.givenName");
	}

	@Test
	void reportScoresTheRunByRuleAndCountsFindingsBySeverityAndSource() {
		this.api.clean("Rhea", "Reportclean", "1961-01-01");
		this.api.create("Rex Reportunreachable", QualityApi.individual("Rex", "Reportunreachable", "1962-01-01"),
				List.of(), null);
		String sharedEmail = QualityApi.email(QualityApi.next());
		this.api.create("Rosa Reportone", QualityApi.individual("Rosa", "Reportone", "1963-01-01"),
				List.of(QualityApi.email(sharedEmail)), null);
		this.api.create("Ruth Reporttwo", QualityApi.individual("Ruth", "Reporttwo", "1964-01-01"),
				List.of(QualityApi.email(sharedEmail)), null);
		String runId = this.api.auditAndWait().get("id").asString();

		JsonNode report = this.api.get(QualityApi.BASE + "/report?run=" + runId);

		assertThat(report.get("run").get("checked").asLong()).isEqualTo(4);
		assertThat(report.get("run").get("customersWithFindings").asLong()).isEqualTo(3);
		assertThat(report.get("run").get("findings").asLong()).isEqualTo(3);
		assertThat(report.get("run").get("score").asDouble()).isEqualTo(0.25);
		Map<String, JsonNode> rules = new LinkedHashMap<>();
		report.get("rules").forEach((rule) -> rules.put(rule.get("rule").asString(), rule));
		assertThat(rules.get("duplicate-email").get("customersWithFindings").asLong()).isEqualTo(2);
		assertThat(rules.get("duplicate-email").get("score").asDouble()).isEqualTo(0.5);
		assertThat(rules.get("contact-medium-required").get("score").asDouble()).isEqualTo(0.75);
		assertThat(rules.get("email-invalid").get("score").asDouble()).isEqualTo(1.0);
		assertThat(report.get("topShortcomings").get(0).get("rule").asString()).isEqualTo("duplicate-email");
		assertThat(report.get("findingsBySeverity").get(0).get("key").asString()).isEqualTo("high");
		assertThat(report.get("findingsBySeverity").get(0).get("findings").asLong()).isEqualTo(3);
		assertThat(report.get("findingsBySource").get(0).get("key").asString()).isEqualTo(this.api.source);
		List<String> history = new ArrayList<>();
		report.get("history").forEach((past) -> history.add(past.get("runId").asString()));
		assertThat(history).contains(runId);

		String csv = csvReport(runId);
		assertThat(csv).startsWith("section,runId,completedAt,rule,severity,dataSource,checked,")
			.containsPattern("score," + runId + ",[^,]+,duplicate-email,high,,4,2,2,0.5000\r\n")
			.containsPattern(
					"findings," + runId + ",[^,]+,contact-medium-required,," + this.api.source + ",4,1,1,\r\n");
	}

	@Test
	void guardsCellsThatSpreadsheetsWouldEvaluateInTheCsvReport() {
		String formula = "=HYPERLINK(\"http://x/" + UUID.randomUUID() + "\")";
		QualityApi fromFormula = new QualityApi(this.client, this.jdbc, formula);
		fromFormula.create("Frank Formulasource", QualityApi.individual("Frank", "Formulasource", "1965-01-01"),
				List.of(), null);
		String runId = fromFormula.auditAndWait().get("id").asString();

		String csv = csvReport(runId);

		assertThat(csv).contains("findings," + runId + ",")
			.contains(",contact-medium-required,,\"'" + formula.replace("\"", "\"\"") + "\",1,1,1,\r\n")
			.contains(",1,1,1,0.0000\r\n");
	}

	@ParameterizedTest(name = "{0} {1} {2} -> {3}")
	@CsvSource({ "supervisor, GET, /report, 200", "auditor, GET, /report, 200", "agent, GET, /report, 403",
			"supervisor, POST, /run, 403", "supervisor, GET, /finding, 403", "agent, POST, /verification, 403",
			"admin, GET, /finding, 200", "data-steward, GET, /rule, 200" })
	void auditsAreForStewardsAndReportsForReportReadersToo(String role, HttpMethod method, String path, int status) {
		if (status == 200 && path.equals("/report")) {
			this.api.auditAndWait();
		}
		this.client.method(method)
			.uri(QualityApi.BASE + path)
			.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(role)))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(status);
	}

	@Test
	void servesTheReportPageItsScriptsAndChartLibraryWithoutAToken() {
		String page = this.client.get()
			.uri("/quality-report/index.html")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("src=\"/webjars/chart.js/dist/chart.umd.js\"",
				"src=\"/dashboard-support/api-client.js\"", "src=\"quality-report.js\"");
		this.client.get()
			.uri("/webjars/chart.js/dist/chart.umd.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((script) -> assertThat(script).contains("Chart.js v4"));
		this.client.get()
			.uri("/dashboard-support/api-client.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((script) -> assertThat(script).contains("clientCredentials?.tokenUrl"));
		this.client.get()
			.uri("/quality-report/quality-report.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((script) -> assertThat(script).contains("'/inventory/v1/quality/report'"));
	}

	private String withPostal(String name, String birthDate, String postCode) {
		String[] names = name.split(" ");
		int n = QualityApi.next();
		return this.api.create(name, QualityApi.individual(names[0], names[1], birthDate),
				List.of(QualityApi.email(QualityApi.email(n)), QualityApi.mobile(QualityApi.phone(n)),
						QualityApi.postal("1 Quality Lane", postCode)),
				null);
	}

	private String agreement(String customerId, String validFrom) {
		Map<String, Object> body = Map.of("name", "Mobile plan", "agreementType", "commercial", "agreementPeriod",
				Map.of("startDateTime", validFrom), "engagedParty", List.of(Map.of("role", "customer",
						"partyOrPartyRole", Map.of("id", customerId, "@referredType", "Customer"))));
		return this.api.post(AgreementApi.BASE_PATH, body, 201).get("id").asString();
	}

	private void patch(String href, Map<String, Object> body) {
		this.api.patch(href, body, 200);
	}

	private String csvReport(String runId) {
		return this.client.get()
			.uri(QualityApi.BASE + "/report?format=csv&run=" + runId)
			.headers((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.SUPERVISOR)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/csv;charset=UTF-8")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
