package org.crmbackoffice.inventory.usage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.crmbackoffice.inventory.audit.AuditClient;
import org.crmbackoffice.inventory.audit.AuditTrail;
import org.crmbackoffice.inventory.audit.AuditedInventoryTest;
import org.crmbackoffice.inventory.usage.AccessAnomalies.CustomerAccessAnomaly;
import org.crmbackoffice.model.common.ContactMedium;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.customer.CustomerCreate;
import org.crmbackoffice.model.customer.EngagedParty;
import org.crmbackoffice.model.event.HubRegistration;
import org.crmbackoffice.support.hub.Dispatcher;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.WebhookReceiver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The usage report counts exactly the traffic a test makes and prices it by the
 * configured cost model, unusual reading raises an anomaly and its event, and the figures
 * show on the Prometheus endpoint.
 */
@AuditedInventoryTest
class UsageReportTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditTrail trail;

	@Autowired
	AccessAnomalies anomalies;

	@Autowired
	Dispatcher dispatcher;

	private AuditClient audit;

	@BeforeEach
	void auditClient() {
		this.audit = new AuditClient(this.client, this.json);
	}

	@Test
	void theUsageReportCountsRequestsRecordsBytesAndErrorsAndPricesThem() {
		String writer = "writer-" + UUID.randomUUID();
		String reader = "reader-" + UUID.randomUUID();
		String writerToken = AuditClient.token(writer, Roles.DATA_STEWARD);
		String readerToken = AuditClient.token(reader, Roles.SUPERVISOR);
		long created = IntStream.range(0, 2).mapToLong((i) -> createdBytes(writerToken, "Counted " + i)).sum();
		byte[] newestPage = this.audit.get(writerToken, CustomerApi.BASE_PATH + "?limit=1", 200);
		String newest = this.json.readTree(newestPage).get(0).path("href").asString();
		this.trail.flush();
		long retrieved = this.audit.get(readerToken, newest, 200).length
				+ this.audit.get(readerToken, CustomerApi.BASE_PATH + "/" + UUID.randomUUID(), 404).length;
		long listed = this.audit.get(readerToken, CustomerApi.BASE_PATH + "?limit=2", 200).length;
		long denied = this.audit.get(readerToken, AuditClient.VERIFY, 403).length;
		this.trail.flush();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String period = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);

		JsonNode report = this.audit.jsonAsAuditor("/inventory/v1/report/usage?groupBy=principal,operation&" + period);
		String csv = this.audit.asAuditor("/inventory/v1/report/usage?groupBy=principal&format=csv&" + period);

		// Each create wrote the customer and the party it was sent with.
		assertThat(row(report, writer, "customer.create")).isEqualTo(new Usage(2, 0, 0, 0, 4, created, "0.24"));
		assertThat(row(report, writer, "customer.list")).isEqualTo(new Usage(1, 0, 0, 1, 0, newestPage.length, "0.11"));
		assertThat(row(report, reader, "customer.retrieve")).isEqualTo(new Usage(2, 1, 0, 1, 0, retrieved, "1.01"));
		assertThat(row(report, reader, "customer.list")).isEqualTo(new Usage(1, 0, 0, 2, 0, listed, "0.12"));
		assertThat(row(report, reader, "audit.verify")).isEqualTo(new Usage(1, 1, 1, 0, 0, denied, "0.10"));
		assertThat(report.path("rows").valueStream().filter((row) -> row.path("principal").asString().equals(reader)))
			.hasSize(3)
			.allSatisfy((row) -> assertThat(row.has("day")).isFalse());
		assertThat(csv.lines().findFirst().orElseThrow())
			.isEqualTo("principal,requests,errors,denied,recordsRead,recordsWritten,bytesReturned,cost,unusualAccess");
		assertThat(csv.lines()).contains(reader + ",4,2,1,3,0," + (retrieved + listed + denied) + ",1.23,");
	}

	@Test
	void readingFarMoreThanUsualRaisesAnAnomalyOnceAndTellsTheHubsListeners() throws IOException {
		String steward = AuditClient.token("steward-" + UUID.randomUUID(), Roles.DATA_STEWARD);
		IntStream.range(0, 12).forEach((i) -> createdBytes(steward, "Bulk " + i));
		String heavy = "heavy-reader-" + UUID.randomUUID();
		String steady = "steady-reader-" + UUID.randomUUID();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		for (int day = 1; day <= 14; day++) {
			usualDay(heavy, today.minusDays(day), 2);
			usualDay(steady, today.minusDays(day), 10);
		}
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			this.client.post()
				.uri("/tmf-api/customerManagement/v5/hub")
				.headers((headers) -> headers.setBearerAuth(AuditClient.token("integrator", Roles.ADMIN)))
				.contentType(MediaType.APPLICATION_JSON)
				.body(new HubRegistration(receiver.url(), "eventType=CustomerAccessAnomalyEvent"))
				.exchange()
				.expectStatus()
				.isCreated();
			for (String reader : List.of(heavy, steady)) {
				this.audit.get(AuditClient.token(reader, Roles.SUPERVISOR), CustomerApi.BASE_PATH + "?limit=12", 200);
			}
			this.trail.flush();

			List<CustomerAccessAnomaly> found = this.anomalies.detect(true);
			List<CustomerAccessAnomaly> again = this.anomalies.detect(true);
			this.dispatcher.deliverDue();

			assertThat(found).extracting(CustomerAccessAnomaly::principal).contains(heavy).doesNotContain(steady);
			assertThat(again).extracting(CustomerAccessAnomaly::principal).doesNotContain(heavy);
			assertThat(receiver.accepted()).extracting((received) -> this.json.readTree(received.body()))
				.filteredOn((event) -> event.path("event")
					.path("customerAccessAnomaly")
					.path("principal")
					.asString()
					.equals(heavy))
				.singleElement()
				.satisfies((event) -> {
					assertThat(event.path("eventType").asString()).isEqualTo("CustomerAccessAnomalyEvent");
					assertThat(event.path("event").path("customerAccessAnomaly").path("recordsRead").asLong())
						.isEqualTo(12);
				});
		}
		JsonNode reported = this.audit.jsonAsAuditor("/inventory/v1/report/anomaly");
		assertThat(reported.valueStream().filter((anomaly) -> anomaly.path("principal").asString().equals(heavy)))
			.singleElement()
			.satisfies((anomaly) -> {
				assertThat(anomaly.path("day").asString()).isEqualTo(today.toString());
				assertThat(anomaly.path("recordsRead").asLong()).isEqualTo(12);
				assertThat(anomaly.path("usualDailyRecords").asDouble()).isEqualTo(2.0);
			});
		assertThat(reported.valueStream().map((anomaly) -> anomaly.path("principal").asString()))
			.doesNotContain(steady);
		JsonNode usage = this.audit.jsonAsAuditor("/inventory/v1/report/usage?groupBy=day,principal");
		assertThat(usage.path("unusualAccess").valueStream().map((anomaly) -> anomaly.path("principal").asString()))
			.contains(heavy)
			.doesNotContain(steady);
		String csv = this.audit.asAuditor("/inventory/v1/report/usage?groupBy=day,principal&format=csv");
		assertThat(csv.lines().filter((line) -> line.startsWith(today + "," + heavy + ","))).singleElement()
			.satisfies((line) -> assertThat(line).endsWith(",true"));
		assertThat(csv.lines().filter((line) -> line.startsWith(today + "," + steady + ","))).singleElement()
			.satisfies((line) -> assertThat(line).endsWith(",false"));
	}

	@Test
	void onlySupervisorsAuditorsAndAdministratorsReadTheReports() {
		for (String role : Set.of(Roles.SUPERVISOR, Roles.AUDITOR, Roles.ADMIN)) {
			this.audit.get(AuditClient.token("reader-" + role, role), "/inventory/v1/report/usage", 200);
			this.audit.get(AuditClient.token("reader-" + role, role), "/inventory/v1/report/anomaly", 200);
		}
		for (String role : Set.of(Roles.AGENT, Roles.DATA_STEWARD, Roles.PARTNER)) {
			this.audit.get(AuditClient.token("reader-" + role, role), "/inventory/v1/report/usage", 403);
			this.audit.get(AuditClient.token("reader-" + role, role), "/inventory/v1/report/anomaly", 403);
		}
		this.audit.get(AuditClient.token("auditor", Roles.AUDITOR), "/inventory/v1/report/usage?groupBy=colour", 400);
	}

	@Test
	void prometheusShowsRequestsRecordsReadEntriesWrittenAndTheAuditBacklog() {
		String steward = AuditClient.token("steward-" + UUID.randomUUID(), Roles.DATA_STEWARD);
		createdBytes(steward, "Metered");
		this.audit.get(steward, CustomerApi.BASE_PATH + "?limit=1", 200);
		this.trail.flush();

		String metrics = new String(this.audit.get(AuditClient.token("ops", Roles.ADMIN), "/actuator/prometheus", 200),
				StandardCharsets.UTF_8);

		assertThat(metrics).contains("crm_audit_backlog ", "crm_audit_entries_written_total{chain=\"access\"",
				"crm_audit_entries_written_total{chain=\"change\"",
				"crm_inventory_requests_total{operation=\"customer.create\",outcome=\"success\"",
				"crm_inventory_records_read_total{operation=\"customer.list\"");
		assertThat(metrics.lines().filter((line) -> line.startsWith("crm_audit_backlog "))).singleElement()
			.satisfies((line) -> assertThat(line).endsWith(" 0.0"));
	}

	private long createdBytes(String token, String name) {
		return this.client.post()
			.uri(CustomerApi.BASE_PATH)
			.headers((headers) -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.body(CustomerCreate.of(name, EngagedParty.organization(name, List.of()),
					List.of(ContactMedium.email("usage@example.org"))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody().length;
	}

	private void usualDay(String principal, LocalDate day, long recordsRead) {
		this.jdbc.update("""
				insert into usage_daily (day, principal, client_id, operation, requests, errors, denied, records_read,
				                         records_written, bytes_returned)
				values (?, ?, ?, 'customer.list', 1, 0, 0, ?, 0, 1000)""", Date.valueOf(day), principal, principal,
				recordsRead);
	}

	private static Usage row(JsonNode report, String principal, String operation) {
		JsonNode row = report.path("rows")
			.valueStream()
			.filter((candidate) -> candidate.path("principal").asString().equals(principal)
					&& candidate.path("operation").asString().equals(operation))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row for " + principal + " " + operation));
		return new Usage(row.path("requests").asLong(), row.path("errors").asLong(), row.path("denied").asLong(),
				row.path("recordsRead").asLong(), row.path("recordsWritten").asLong(),
				row.path("bytesReturned").asLong(), row.path("cost").decimalValue().setScale(2).toPlainString());
	}

	private record Usage(long requests, long errors, long denied, long recordsRead, long recordsWritten, long bytes,
			String cost) {
	}

}
