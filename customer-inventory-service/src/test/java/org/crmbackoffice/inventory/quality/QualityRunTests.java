package org.crmbackoffice.inventory.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs are jobs: one at a time, cancellable, and a run whose instance died resumes after
 * its last committed chunk rather than starting over.
 */
@ApiIntegrationTest
@TestPropertySource(properties = "crm.quality.chunk-size=3")
class QualityRunTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	QualityRuns runs;

	@Autowired
	MeterRegistry meters;

	private QualityApi api;

	@BeforeEach
	void newSource() {
		this.api = new QualityApi(this.client, this.jdbc);
	}

	@Test
	void aRunInterruptedByACrashResumesFromItsCursorWithTheRightTotals() {
		List<String> customers = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			customers.add(this.api.create("Unreachable Number" + i,
					QualityApi.individual("Unreachable", "Number" + i, "1950-01-0" + (i + 1)), List.of(), null));
		}
		// PostgreSQL orders UUIDs by their bytes, as their lower-case text sorts
		// (java.util.UUID compares signed).
		customers.sort(Comparator.naturalOrder());
		// As a crashed instance leaves it: running, its first chunk (three customers,
		// three findings) committed,
		// its heartbeat an hour old.
		UUID run = UUID.randomUUID();
		this.api.sql("""
				insert into quality_run (id, status, data_source, requested_by, started_at, total, checked, findings,
				    flawed_customers, cursor_id, owner, heartbeat_at, segment_started_at, segment_checked)
				values (?, 'running', ?, 'test', now() - interval '2 hours', 7, 3, 3, 3, ?::uuid, 'crashed-instance',
				    now() - interval '1 hour', now() - interval '2 hours', 0)""", run, this.api.source,
				customers.get(2));

		double checkedBefore = this.meters.get("crm.quality.customers.checked").counter().count();

		this.runs.resumeInterrupted();
		JsonNode resumed = this.api.awaitEnd(QualityApi.BASE + "/run/" + run);

		assertThat(resumed.get("status").asString()).isEqualTo("completed");
		assertThat(resumed.get("checked").asLong()).isEqualTo(7);
		assertThat(resumed.get("total").asLong()).isEqualTo(7);
		assertThat(resumed.get("findings").asLong()).isEqualTo(3 + 4);
		assertThat(this.meters.get("crm.quality.customers.checked").counter().count() - checkedBefore)
			.as("customers checked after the take-over, as Prometheus sees them")
			.isEqualTo(4);
		assertThat(this.meters.get("crm.quality.runs.running").gauge().value()).isZero();
		for (int i = 0; i < customers.size(); i++) {
			List<JsonNode> found = this.api.findings(customers.get(i), null);
			if (i < 3) {
				assertThat(found).as("customer %d, before the cursor, is not checked again", i).isEmpty();
			}
			else {
				assertThat(found).singleElement()
					.satisfies((finding) -> assertThat(finding.get("lastRunId").asString()).isEqualTo(run.toString()));
			}
		}
	}

	@Test
	void oneRunAtATimeAndARunningOneCanBeCancelled() {
		UUID elsewhere = UUID.randomUUID();
		this.api.sql("""
				insert into quality_run (id, status, requested_by, started_at, total, owner, heartbeat_at,
				    segment_started_at)
				values (?, 'running', 'test', now(), 1000, 'another-instance', now(), now())""", elsewhere);

		JsonNode refused = this.api.post(QualityApi.BASE + "/run", "{}", 409);
		assertThat(refused.get("runningRun").asString()).isEqualTo(elsewhere.toString());
		JsonNode cancelled = this.api.post(QualityApi.BASE + "/run/" + elsewhere + "/cancel", "", 200);
		assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
		this.api.post(QualityApi.BASE + "/run/" + elsewhere + "/cancel", "", 409);

		this.api.clean("Ada", "Afterwards", "1990-09-09");
		JsonNode next = this.api.auditAndWait();
		assertThat(next.get("status").asString()).isEqualTo("completed");
		assertThat(next.get("checked").asLong()).isEqualTo(1);
		assertThat(next.get("recordsPerSecond").isNumber()).isTrue();
	}

	@Test
	void runsAgainAfterTheServiceWasStoppedAndStarted() {
		this.api.clean("Restarted", "Service", "1960-02-02");

		this.runs.stop();
		this.runs.start();

		assertThat(this.api.auditAndWait().get("status").asString()).isEqualTo("completed");
	}

	@Test
	void aCancelledRunIsNeverTakenOverAgain() {
		for (int i = 0; i < 4; i++) {
			this.api.clean("Carl", "Cancelled" + i, "1951-02-0" + (i + 1));
		}
		// Owned by this instance but stopped, as if its job thread were between two
		// chunks.
		UUID run = UUID.randomUUID();
		this.api.sql("""
				insert into quality_run (id, status, data_source, requested_by, started_at, total, owner, heartbeat_at,
				    segment_started_at)
				values (?, 'running', ?, 'test', now(), 4, 'paused-instance', now(), now())""", run, this.api.source);

		this.api.post(QualityApi.BASE + "/run/" + run + "/cancel", "", 200);
		this.api.sql("update quality_run set heartbeat_at = now() - interval '1 hour' where id = ?", run);
		this.runs.resumeInterrupted();

		JsonNode after = this.api.get(QualityApi.BASE + "/run/" + run);
		assertThat(after.get("status").asString()).isEqualTo("cancelled");
		assertThat(after.get("checked").asLong()).isZero();
	}

}
