package org.crmbackoffice.interactions.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.crmbackoffice.interactions.export.ExportClient.Pull;
import org.crmbackoffice.interactions.export.ExportClient.Response;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmbackoffice.interactions.export.ExportClient.HISTORY;
import static org.crmbackoffice.interactions.export.ExportClient.INTERACTIONS;
import static org.crmbackoffice.interactions.export.ExportFixtures.interaction;
import static org.crmbackoffice.interactions.export.ExportFixtures.log;
import static org.crmbackoffice.interactions.export.ExportFixtures.patch;

/**
 * A BI job pulls the interaction log and its track record in chunks, as NDJSON or CSV,
 * compressed or not.
 */
@ApiIntegrationTest
class InteractionExportApiTests {

	/**
	 * The documented CSV header of the interaction export: a contract with BI, changed
	 * only by adding columns.
	 */
	private static final String INTERACTION_HEADER = "id,version,status,statusChangeDate,direction,reason,description,"
			+ "startDateTime,endDateTime,dueDate,authenticationLevel,customerCheck,channels,partyIds,partyRoles,"
			+ "partyTypes,creationDate,lastUpdate,createdBy,lastUpdatedBy";

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	private ExportClient exports;

	private String party;

	@BeforeEach
	void newParty() {
		this.exports = new ExportClient(this.port);
		this.party = "ind-" + UUID.randomUUID();
	}

	@Test
	void sendsEveryMatchingInteractionExactlyOnceAcrossResumedChunks() {
		List<PartyInteraction> logged = new ArrayList<>();
		// Four share their start to the microsecond: the id orders them, and the cursor
		// must not lose one of them.
		for (int i = 0; i < 4; i++) {
			logged.add(log(this.client,
					interaction(this.party, "same minute " + i, "billing", "2026-03-01T10:00:00Z", "phone")));
		}
		for (int i = 0; i < 7; i++) {
			logged.add(log(this.client, interaction(this.party, "call " + i, "billing",
					"2026-03-0" + (2 + i) + "T09:30:00.123456+01:00", "phone", "email")));
		}
		log(this.client, interaction("ind-someone-else", "not ours", "billing", "2026-03-01T10:00:00Z", "phone"));

		Pull pull = this.exports.pullAll(INTERACTIONS, Map.of("party", this.party), 3);

		assertThat(pull.chunks()).isEqualTo(4);
		List<String> expected = logged.stream()
			.sorted(Comparator
				.comparing((PartyInteraction interaction) -> interaction.interactionDate().startDateTime())
				.thenComparing(PartyInteraction::id))
			.map(PartyInteraction::id)
			.toList();
		assertThat(pull.values("id")).containsExactlyElementsOf(expected);
		JsonNode last = pull.rows().get(pull.rows().size() - 1);
		assertThat(last.get("startDateTime").asString()).isEqualTo("2026-03-08T08:30:00.123456Z");
		assertThat(last.get("status").asString()).isEqualTo("opened");
		assertThat(last.get("direction").asString()).isEqualTo("inbound");
		assertThat(last.get("version").asLong()).isZero();
		assertThat(last.get("channels").values()).extracting(JsonNode::asString).containsExactly("phone", "email");
		assertThat(last.get("partyIds").values()).extracting(JsonNode::asString).containsExactly(this.party, "agent-7");
		assertThat(last.get("partyRoles").values()).extracting(JsonNode::asString).containsExactly("partner", "agent");
		assertThat(last.get("endDateTime").isNull()).isTrue();

		Pull again = this.exports.pullFrom(INTERACTIONS, Map.of("party", this.party), 3, pull.cursor());
		assertThat(again.rows()).as("nothing after the last row").isEmpty();
		assertThat(again.cursor()).isEqualTo(pull.cursor());
	}

	@Test
	void narrowsByStartTimePartyChannelReasonAndStatus() {
		String early = log(this.client, interaction(this.party, "early", "Billing", "2026-01-10T08:00:00Z", "phone"))
			.id();
		String web = log(this.client, interaction(this.party, "web", "outage", "2026-01-20T08:00:00Z", "web")).id();
		String late = log(this.client,
				interaction(this.party, "late", "outage", "2026-02-10T08:00:00Z", "email", "phone"))
			.id();
		patch(this.client, late, "{\"status\": \"inProgress\"}", "web");

		assertThat(ids(Map.of("party", this.party))).containsExactlyInAnyOrder(early, web, late);
		assertThat(ids(Map.of("party", this.party, "from", "2026-01-20T08:00:00Z", "to", "2026-02-10T08:00:00Z")))
			.as("from inclusive, to exclusive")
			.containsExactly(web);
		assertThat(ids(Map.of("party", this.party, "channel", "phone"))).containsExactlyInAnyOrder(early, late);
		assertThat(ids(Map.of("party", this.party, "reason", "billing"))).containsExactly(early);
		assertThat(ids(Map.of("party", this.party, "status", "inProgress"))).containsExactly(late);
		assertThat(ids(Map.of("party", this.party, "status", "opened", "reason", "outage"))).containsExactly(web);

		Response invalid = this.exports.get(INTERACTIONS,
				Map.of("status", "sleeping", "from", "yesterday", "size", "3"));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.text()).contains("urn:crm-backoffice:problem:invalid-request", "\"status\"", "\"from\"",
				"\"size\"");
	}

	@Test
	void writesCsvWithTheDocumentedHeaderAndQuotesAwkwardValues() {
		String awkward = "Said \"no\", then: ça va?\r\nSecond line; with a semicolon, and é";
		PartyInteraction logged = log(this.client,
				interaction(this.party, awkward, "refund, partial", "2026-04-01T12:00:00Z", "phone", "e-mail"));

		Response byAccept = this.exports.get(INTERACTIONS, Map.of("party", this.party), "Accept", "text/csv");
		Response byParameter = this.exports.get(INTERACTIONS, Map.of("party", this.party, "format", "csv"));

		assertThat(byAccept.status()).isEqualTo(200);
		assertThat(byAccept.header("Content-Type")).startsWith("text/csv");
		assertThat(byParameter.text()).isEqualTo(byAccept.text());
		String csv = byAccept.text();
		assertThat(csv).startsWith(INTERACTION_HEADER + "\r\n");
		assertThat(csv).contains("\"Said \"\"no\"\", then: ça va?\r\nSecond line; with a semicolon, and é\"",
				",\"refund, partial\",");
		List<String[]> rows = readCsv(byAccept.body());
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).containsExactly(INTERACTION_HEADER.split(","));
		String[] row = rows.get(1);
		assertThat(row).hasSameSizeAs(rows.get(0));
		assertThat(row[0]).isEqualTo(logged.id());
		assertThat(row[5]).isEqualTo("refund, partial");
		assertThat(row[6]).isEqualTo(awkward);
		assertThat(row[8]).as("an absent value is an empty field").isEmpty();
		assertThat(row[12]).isEqualTo("phone;e-mail");
		assertThat(row[13]).isEqualTo(this.party + ";agent-7");
		assertThat(row[15]).isEqualTo("Individual;Individual");

		Response empty = this.exports.get(INTERACTIONS, Map.of("party", "ind-nobody", "format", "csv"));
		assertThat(empty.text()).as("an empty export still has its header").isEqualTo(INTERACTION_HEADER + "\r\n");
	}

	@Test
	void guardsCellsThatSpreadsheetsWouldEvaluate() {
		String formula = "=HYPERLINK(\"http://x\")";
		PartyInteraction logged = log(this.client,
				interaction(this.party, formula, "@SUM(A1:A2)", "2026-04-02T12:00:00Z", "phone"));

		Response csv = this.exports.get(INTERACTIONS, Map.of("party", this.party, "format", "csv"));
		Response ndjson = this.exports.get(INTERACTIONS, Map.of("party", this.party, "format", "ndjson"));

		assertThat(csv.header("Content-Type")).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
		assertThat(csv.text()).contains(",\"'=HYPERLINK(\"\"http://x\"\")\",");
		String[] row = readCsv(csv.body()).get(1);
		assertThat(row[0]).isEqualTo(logged.id());
		assertThat(row[5]).isEqualTo("'@SUM(A1:A2)");
		assertThat(row[6]).isEqualTo("'" + formula);
		assertThat(ndjson.ndjson()).singleElement()
			.satisfies((line) -> assertThat(line.get("description").asString()).as("only CSV is for spreadsheets")
				.isEqualTo(formula));
	}

	@Test
	void compressesWithGzipWhenTheClientAcceptsIt() {
		for (int i = 0; i < 20; i++) {
			log(this.client, interaction(this.party, "compressible " + i, "billing", "2026-05-01T12:00:00Z", "phone"));
		}
		for (String format : List.of("ndjson", "csv")) {
			Map<String, String> parameters = Map.of("party", this.party, "format", format);
			Response plain = this.exports.get(INTERACTIONS, parameters);
			Response compressed = this.exports.get(INTERACTIONS, parameters, "Accept-Encoding", "gzip, deflate");
			Response refused = this.exports.get(INTERACTIONS, parameters, "Accept-Encoding", "gzip;q=0, identity");

			assertThat(plain.header("Content-Encoding")).isNull();
			assertThat(compressed.header("Content-Encoding")).isEqualTo("gzip");
			assertThat(compressed.header("Vary")).containsIgnoringCase("Accept-Encoding");
			assertThat(compressed.raw().length).isLessThan(plain.raw().length);
			assertThat(new String(compressed.body(), StandardCharsets.UTF_8)).isEqualTo(plain.text());
			assertThat(refused.header("Content-Encoding")).isNull();
		}
	}

	@Test
	void sendsEveryTrackRecordEntryExactlyOnceByEntryTime() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String id = log(this.client,
					interaction(this.party, "tracked " + i, "outage", "2026-06-01T12:00:00Z", "phone"))
				.id();
			patch(this.client, id, "{\"status\": \"inProgress\"}", "web");
			patch(this.client, id, "{\"status\": \"completed\"}", "phone");
			ids.add(id);
		}

		Pull pull = this.exports.pullAll(HISTORY, Map.of("party", this.party), 2);

		assertThat(pull.chunks()).isEqualTo(5);
		List<String> exported = pull.rows()
			.stream()
			.map((row) -> row.get("interactionId").asString() + "#" + row.get("sequence").asLong())
			.toList();
		List<String> stored = this.jdbc.queryForList("""
				select interaction_id || '#' || sequence from party_interaction_history
				where interaction_id in (?::uuid, ?::uuid, ?::uuid) order by changed_at, interaction_id, sequence""",
				String.class, ids.toArray());
		assertThat(exported).hasSize(9).containsExactlyElementsOf(stored);
		assertThat(pull.rows().get(0).get("action").asString()).isEqualTo("created");
		JsonNode completed = pull.rows().get(8);
		assertThat(completed.get("action").asString()).isEqualTo("statusChanged");
		assertThat(completed.get("changes").isArray()).as("the changes stay JSON in NDJSON").isTrue();
		assertThat(completed.get("changes").get(0).get("to").asString()).isEqualTo("completed");

		assertThat(this.exports.pullAll(HISTORY, Map.of("party", this.party, "channel", "web"), 10).rows())
			.extracting((row) -> row.get("interactionId").asString())
			.containsExactlyInAnyOrderElementsOf(ids);
		assertThat(this.exports.pullAll(HISTORY, Map.of("party", this.party, "status", "completed"), 100).rows())
			.hasSize(9);
	}

	@Test
	void refusesACursorOfAnotherExport() {
		log(this.client, interaction(this.party, "one", "billing", "2026-07-01T12:00:00Z", "phone"));
		log(this.client, interaction(this.party, "two", "billing", "2026-07-02T12:00:00Z", "phone"));
		String cursor = this.exports.get(INTERACTIONS, Map.of("party", this.party, "limit", "1"))
			.header("X-Next-Cursor");

		assertThat(this.exports.get(INTERACTIONS, Map.of("party", this.party, "cursor", cursor)).ndjson())
			.extracting((row) -> row.get("description").asString())
			.containsExactly("two");
		for (Response refused : List.of(this.exports.get(INTERACTIONS, Map.of("party", "ind-other", "cursor", cursor)),
				this.exports.get(HISTORY, Map.of("party", this.party, "cursor", cursor)),
				this.exports.get(INTERACTIONS, Map.of("party", this.party, "mode", "changes", "cursor", cursor)),
				this.exports.get(INTERACTIONS, Map.of("cursor", "bm90IGEgY3Vyc29y")))) {
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.text()).contains("\"cursor\"");
		}
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "analyst, 200", "admin, 200", "agent, 403", "supervisor, 403", "partner, 403", "auditor, 403",
			"customer-inventory-service, 403" })
	void letsOnlyAnalystsAndAdministratorsExport(String role, int expectedStatus) {
		String token = role.equals(Roles.PARTNER) ? TestIssuer.shared().token().roles(role).partyId(this.party).build()
				: TestIssuer.shared().tokenFor(role);
		ExportClient caller = this.exports.as(token);
		for (String path : List.of(INTERACTIONS, HISTORY)) {
			Response response = caller.get(path, Map.of("party", this.party));
			assertThat(response.status()).isEqualTo(expectedStatus);
			if (expectedStatus == 403) {
				assertThat(response.text()).contains("urn:crm-backoffice:problem:forbidden");
			}
		}
	}

	@Test
	void documentsEveryColumnInTheApiDescription() {
		String description = this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.at("/paths/~1interaction~1v1~1export~1partyInteraction/get/description")
			.asString();

		for (String column : INTERACTION_HEADER.split(",")) {
			assertThat(description).contains("| " + column + " | ");
		}
		assertThat(description).contains("| partyIds | list of text |", "X-Next-Cursor", "mode=changes");
	}

	private List<String> ids(Map<String, String> parameters) {
		return this.exports.pullAll(INTERACTIONS, parameters, 1000).values("id");
	}

	private static List<String[]> readCsv(byte[] body) {
		CsvMapper csv = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
		try (MappingIterator<String[]> rows = csv.readerFor(String[].class).readValues(body)) {
			List<String[]> all = rows.readAll();
			assertThat(new HashSet<>(all.stream().map((row) -> row.length).toList())).hasSize(1);
			return all;
		}
	}

}
