package org.crmbackoffice.interactions.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.crmbackoffice.interactions.export.ExportClient.Pull;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmbackoffice.interactions.export.ExportClient.INTERACTIONS;
import static org.crmbackoffice.interactions.export.ExportFixtures.interaction;
import static org.crmbackoffice.interactions.export.ExportFixtures.log;
import static org.crmbackoffice.interactions.export.ExportFixtures.patch;

/**
 * A nightly BI job resumes the change export from its last cursor and must get every
 * interaction created or changed since, each change once, however the writers'
 * transactions interleave.
 */
@ApiIntegrationTest
class IncrementalExportTests {

	private static final int WRITERS = 4;

	private static final int INTERACTIONS_PER_WRITER = 12;

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@LocalServerPort
	int port;

	private ExportClient exports;

	private String party;

	private Map<String, String> changesOfParty;

	@BeforeEach
	void newParty() {
		this.exports = new ExportClient(this.port);
		this.party = "ind-" + UUID.randomUUID();
		this.changesOfParty = Map.of("party", this.party, "mode", "changes");
	}

	@Test
	void exportsEveryChangeExactlyOnceWhileOthersCreateAndChangeConcurrently() throws Exception {
		ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
		List<Future<?>> writing = new ArrayList<>();
		for (int w = 0; w < WRITERS; w++) {
			int writer = w;
			writing.add(writers.submit(() -> {
				List<String> mine = new ArrayList<>();
				for (int i = 0; i < INTERACTIONS_PER_WRITER; i++) {
					mine.add(log(this.client, interaction(this.party, "writer " + writer + " call " + i, "outage",
							"2026-08-0" + (1 + writer) + "T10:00:00Z", "phone"))
						.id());
					// Each interaction changes again while later ones are being logged,
					// some of them twice.
					String earlier = mine.get(i / 2);
					patch(this.client, earlier, "{\"description\": \"changed by writer " + writer + " at " + i + "\"}",
							"web");
				}
			}));
		}
		writers.shutdown();

		List<JsonNode> exported = new ArrayList<>();
		String cursor = null;
		int pullsWhileWriting = 0;
		while (!writing.stream().allMatch(Future::isDone)) {
			Pull pull = this.exports.pullFrom(INTERACTIONS, this.changesOfParty, 5, cursor);
			exported.addAll(pull.rows());
			cursor = pull.cursor();
			pullsWhileWriting++;
		}
		for (Future<?> writer : writing) {
			writer.get();
		}
		Map<String, Long> stored = versionsOfParty();
		CatchingUp catchingUp = new CatchingUp();
		do {
			Pull pull = this.exports.pullFrom(INTERACTIONS, this.changesOfParty, 5, cursor);
			exported.addAll(pull.rows());
			cursor = pull.cursor();
		}
		while (!latestOf(exported).equals(stored) && catchingUp.isBeforeDeadline());

		assertThat(stored).hasSize(WRITERS * INTERACTIONS_PER_WRITER);
		assertThat(pullsWhileWriting).isPositive();
		Set<String> seen = new HashSet<>();
		Map<String, Long> latest = new HashMap<>();
		for (JsonNode row : exported) {
			String id = row.get("id").asString();
			long version = row.get("version").asLong();
			assertThat(seen.add(id + "@" + version)).as("%s version %d exported once", id, version).isTrue();
			Long before = latest.put(id, version);
			assertThat(before == null || before < version).as("%s comes again only with a later version", id).isTrue();
		}
		assertThat(latest).as("every interaction, as it is now").isEqualTo(stored);
		assertThat(this.exports.pullFrom(INTERACTIONS, this.changesOfParty, 5, cursor).rows()).isEmpty();
	}

	@Test
	void waitsForAChangeWhoseTransactionCommitsAfterALaterOne() throws Exception {
		String slow = log(this.client, interaction(this.party, "slow", "billing", "2026-09-01T10:00:00Z", "phone"))
			.id();
		String fast = log(this.client, interaction(this.party, "fast", "billing", "2026-09-02T10:00:00Z", "phone"))
			.id();
		CatchingUp catchingUp = new CatchingUp();
		Pull initial;
		do {
			initial = this.exports.pullAll(INTERACTIONS, this.changesOfParty, 10);
		}
		while (initial.rows().size() < 2 && catchingUp.isBeforeDeadline());
		assertThat(initial.values("id")).containsExactlyInAnyOrder(slow, fast);

		try (Connection first = this.dataSource.getConnection(); Connection second = this.dataSource.getConnection()) {
			first.setAutoCommit(false);
			second.setAutoCommit(false);
			// The first writer starts (and gets its transaction id) before the second,
			// but commits after it: a
			// cursor on the time or order of writing would move past its change before it
			// is visible.
			change(first, slow, "slow change");
			change(second, fast, "fast change");
			second.commit();

			Pull whileOpen = this.exports.pullFrom(INTERACTIONS, this.changesOfParty, 10, initial.cursor());
			assertThat(whileOpen.rows()).as("nothing passes an unfinished transaction").isEmpty();
			assertThat(whileOpen.cursor()).isEqualTo(initial.cursor());

			first.commit();
		}

		Pull after;
		do {
			after = this.exports.pullFrom(INTERACTIONS, this.changesOfParty, 10, initial.cursor());
		}
		while (after.rows().size() < 2 && catchingUp.isBeforeDeadline());
		assertThat(after.rows()).extracting((row) -> row.get("description").asString())
			.containsExactlyInAnyOrder("slow change", "fast change");
		assertThat(this.exports.pullFrom(INTERACTIONS, this.changesOfParty, 10, after.cursor()).rows()).isEmpty();
	}

	private Map<String, Long> versionsOfParty() {
		Map<String, Long> stored = new HashMap<>();
		this.jdbc.query("""
				select i.id::text, i.version from party_interaction i
				where exists (select 1 from party_interaction_related_party p
				              where p.interaction_id = i.id and p.party_id = ?)""", (row) -> {
			stored.put(row.getString(1), row.getLong(2));
		}, this.party);
		return stored;
	}

	private static Map<String, Long> latestOf(List<JsonNode> exported) {
		Map<String, Long> latest = new HashMap<>();
		exported.forEach((row) -> latest.merge(row.get("id").asString(), row.get("version").asLong(), Math::max));
		return latest;
	}

	/**
	 * Transaction ids are shared by every database of the PostgreSQL server, so a
	 * transaction of another test run on the same server holds the export back while it
	 * runs (the guarantee at work: it might write here). The job then asks again, as a
	 * nightly job would the next night; this bounds how long it keeps asking.
	 */
	private static final class CatchingUp {

		private final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);

		boolean isBeforeDeadline() {
			return System.nanoTime() < this.deadline;
		}

	}

	/** A change as any writer of the interaction makes it: its version moves. */
	private static void change(Connection connection, String id, String description) throws Exception {
		try (PreparedStatement update = connection.prepareStatement(
				"update party_interaction set description = ?, version = version + 1 where id = ?::uuid")) {
			update.setString(1, description);
			update.setString(2, id);
			assertThat(update.executeUpdate()).isOne();
		}
	}

}
