package org.crmbackoffice.inventory.quality;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.crmbackoffice.inventory.contact.PhoneNumbers;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.support.jobs.JobLocks;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A run's chunks are worked by several workers and instances at once: each chunk is
 * claimed by one worker at a time and committed once, a claim its worker left behind is
 * taken over, and the findings are those one worker alone would find.
 */
@ApiIntegrationTest
@TestPropertySource(properties = { "crm.quality.chunk-size=3", "crm.quality.workers=2" })
class QualityChunkTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	QualityRuns runs;

	@Autowired
	QualityChunks chunks;

	@Autowired
	JdbcClient jdbcClient;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	QualityProperties properties;

	@Autowired
	JobLocks locks;

	@Autowired
	Clock clock;

	@Autowired
	PhoneNumbers phoneNumbers;

	@Autowired
	DataSource dataSource;

	private QualityApi api;

	@BeforeEach
	void newSource() {
		this.api = new QualityApi(this.client, this.jdbc);
	}

	@Test
	void twoWorkersNeverClaimTheSameChunk() {
		UUID run = runOf(unreachable(7));
		this.chunks.plan(run, 3, 2);

		Optional<QualityChunks.Chunk> first = this.chunks.claim(run, "worker-a", Instant.now().minusSeconds(60));
		Optional<QualityChunks.Chunk> second = this.chunks.claim(run, "worker-b", Instant.now().minusSeconds(60));

		assertThat(first).isPresent();
		assertThat(second).isPresent();
		assertThat(second.get().upto()).isNotEqualTo(first.get().upto());
		assertThat(second.get().previous()).isNull();
		this.runs.cancel(run);
	}

	@Test
	void aStaleClaimIsTakenOverAndItsFormerWorkerCommitsNothing() {
		List<String> customers = unreachable(2);
		UUID run = runOf(customers);
		this.chunks.plan(run, 3, 2);
		QualityChunks.Chunk left = this.chunks.claim(run, "stopped-worker", Instant.now().minusSeconds(60))
			.orElseThrow();

		QualityChunks.Chunk taken = this.chunks.claim(run, "worker-b", Instant.now().plusSeconds(1)).orElseThrow();

		assertThat(taken.upto()).isEqualTo(left.upto());
		assertThat(taken.previous()).isEqualTo("stopped-worker");
		assertThat(this.chunks.check(left, "stopped-worker")).isTrue();
		assertThat(this.api.findings(customers.get(0), null)).isEmpty();
		assertThat(this.chunks.check(taken, "worker-b")).isTrue();
		this.chunks.completeIfDone(run);
		JsonNode completed = this.api.get(QualityApi.BASE + "/run/" + run);
		assertThat(completed.get("status").asString()).isEqualTo("completed");
		assertThat(completed.get("checked").asLong()).isEqualTo(2);
		assertThat(customers).allSatisfy(
				(customer) -> assertThat(this.api.openRules(customer)).containsExactly("contact-medium-required"));
	}

	@Test
	void aRunThatPlannedLongerThanItsHeartbeatAllowsIsNotTakenForStale() {
		UUID run = runOf(unreachable(2));
		this.api.sql("update quality_run set heartbeat_at = now() - interval '1 hour' where id = ?", run);

		this.chunks.plan(run, 3, 2);

		assertThat(this.runs.resumeInterrupted()).isEmpty();
		assertThat(this.chunks.check(this.chunks.claim(run, "worker-a", Instant.now()).orElseThrow(), "worker-a"))
			.isTrue();
		this.chunks.completeIfDone(run);
		assertThat(this.api.get(QualityApi.BASE + "/run/" + run).get("status").asString()).isEqualTo("completed");
	}

	@Test
	void aRunWhoseWorkerStoppedMidChunkIsCompletedByTheInstanceTakingItOver() {
		List<String> customers = unreachable(5);
		UUID run = runOf(customers);
		this.chunks.plan(run, 3, 2);
		this.chunks.claim(run, "crashed-instance", Instant.now().minusSeconds(60)).orElseThrow();
		this.api.sql("update quality_chunk set claimed_at = now() - interval '1 hour' where run_id = ?", run);
		this.api.sql("update quality_run set heartbeat_at = now() - interval '1 hour' where id = ?", run);

		this.runs.resumeInterrupted();
		JsonNode resumed = this.api.awaitEnd(QualityApi.BASE + "/run/" + run);

		assertThat(resumed.get("status").asString()).isEqualTo("completed");
		assertThat(resumed.get("checked").asLong()).isEqualTo(5);
		assertThat(resumed.get("findings").asLong()).isEqualTo(5);
	}

	@Test
	void twoInstancesWorkingOneRunCheckEachCustomerOnce() {
		List<String> customers = unreachable(30);
		QualityRuns other = new QualityRuns(this.jdbcClient, this.chunks, this.transaction, this.properties, this.clock,
				this.locks, new SimpleMeterRegistry(), this.dataSource);
		other.start();
		try {
			JsonNode started = this.api.post(QualityApi.BASE + "/run", Map.of("dataSource", this.api.source), 201);
			other.joinRunning();
			JsonNode run = this.api.awaitEnd(QualityApi.BASE + "/run/" + started.get("id").asString());

			assertThat(run.get("status").asString()).isEqualTo("completed");
			assertThat(run.get("checked").asLong()).isEqualTo(30);
			assertThat(run.get("findings").asLong()).isEqualTo(30);
			for (String customer : customers) {
				assertThat(this.api.findings(customer, null)).singleElement()
					.satisfies((finding) -> assertThat(finding.get("lastRunId").asString())
						.isEqualTo(run.get("id").asString()));
			}
			assertThat(
					this.jdbc.queryForList("select distinct version from quality_finding where last_run_id = ?::uuid",
							Long.class, run.get("id").asString()))
				.as("each finding written once")
				.containsExactly(0L);
		}
		finally {
			other.stop();
		}
	}

	@Test
	void aSecondRunOverUnchangedCustomersFindsTheSameAndResolvesNothing() {
		List<String> customers = new ArrayList<>(unreachable(4));
		customers.add(this.api.clean("Jonathan", "Chunkworth", "1932-03-04"));
		customers.add(this.api.clean("Jonathon", "Chunkworth", "1932-03-04"));
		this.api.auditAndWait();
		Set<String> first = findingsOf(customers);

		JsonNode second = this.api.auditAndWait();

		assertThat(findingsOf(customers)).isEqualTo(first).hasSize(6);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from quality_finding where customer_id = any (?::uuid[])
				  and (status <> 'open' or last_run_id <> ?::uuid)""", Long.class, customers.toArray(String[]::new),
				second.get("id").asString()))
			.isZero();
	}

	@Test
	void theNextRunComparesARenamedCustomerByItsNewNameAndAnErasedCustomerLeavesBlocksAndFindingsAtOnce() {
		String born = randomBirthDate();
		String annabel = this.api.clean("Annabel", "Whitcombe", born);
		String gregory = this.api.clean("Gregory", "Pennyfeather", born);
		this.api.auditAndWait();
		assertThat(this.api.openRules(gregory)).doesNotContain(QualityRules.SIMILAR_NAME_SAME_BIRTH_DATE);

		this.api.patch(CustomerApi.BASE_PATH + "/" + gregory, Map.of("name", "Annabell Whitcombe"), 200);
		this.api.auditAndWait();

		assertThat(this.api.finding(gregory, QualityRules.SIMILAR_NAME_SAME_BIRTH_DATE).get("message").asString())
			.contains(annabel);
		assertThat(this.api.finding(annabel, QualityRules.SIMILAR_NAME_SAME_BIRTH_DATE).get("message").asString())
			.contains(gregory);

		// The record as an erasure leaves it; the API's erasure asks the interaction
		// service first, which this test runs without.
		this.api.sql("update customer set erased_at = now(), status = 'closed', name = 'erased' where id = ?::uuid",
				gregory);
		assertThat(
				this.jdbc.queryForList("select customer_id::text from quality_birth_block where customer_id in (?, ?)",
						String.class, UUID.fromString(annabel), UUID.fromString(gregory)))
			.as("only Annabel left in the blocks")
			.containsExactly(annabel);
		assertThat(this.api.findings(gregory, null)).as("the erased customer's own findings").isEmpty();
		JsonNode lookalike = this.api.finding(annabel, QualityRules.SIMILAR_NAME_SAME_BIRTH_DATE);
		assertThat(lookalike.get("message").asString()).contains(gregory).doesNotContain("Annabell");
		assertThat(lookalike.get("status").asString()).isEqualTo("resolved");
	}

	@Test
	void aNameThresholdBelowTheTrigramSearchDefaultFindsNamesThatFarApart() {
		String born = randomBirthDate();
		// A similarity of 0.29: below pg_trgm's own default threshold of 0.3, which the
		// trigram index would apply if the rule's threshold did not reach it.
		String theodora = this.api.clean("Theodora", "Quackenbush", born);
		String teddy = this.api.clean("Teddy", "Quackenbosch", born);
		QualityChunks loose = new QualityChunks(this.jdbcClient, new QualityRules(similarNames(0.25)),
				this.phoneNumbers, this.transaction, this.clock, new SimpleMeterRegistry());
		UUID run = runOf(List.of(theodora, teddy));
		loose.plan(run, 3, 2);

		assertThat(loose.check(loose.claim(run, "loose", Instant.now()).orElseThrow(), "loose")).isTrue();
		loose.completeIfDone(run);

		assertThat(this.api.get(QualityApi.BASE + "/run/" + run).get("status").asString()).isEqualTo("completed");

		assertThat(this.api.finding(theodora, QualityRules.SIMILAR_NAME_SAME_BIRTH_DATE).get("message").asString())
			.contains(teddy);
		assertThat(this.api.finding(teddy, QualityRules.SIMILAR_NAME_SAME_BIRTH_DATE).get("message").asString())
			.contains(theodora);
	}

	@Test
	void twinsAreFoundWhicheverThreadFilledTheBlockOfTheirBirthDay() {
		// Three threads fill the blocks, each its own birth dates: three days in a row
		// give each of them a block with twins in it.
		LocalDate first = LocalDate.parse(randomBirthDate());
		List<List<String>> twins = new ArrayList<>();
		for (int day = 0; day < 3; day++) {
			String given = letters();
			String family = letters();
			String born = first.plusDays(day).toString();
			twins.add(List.of(this.api.clean(given, family, born), this.api.clean(given, family, born)));
		}
		UUID run = runOf(twins.stream().flatMap(List::stream).toList());

		this.chunks.plan(run, 3, 3);
		Optional<QualityChunks.Chunk> chunk = this.chunks.claim(run, "worker-a", Instant.now());
		while (chunk.isPresent()) {
			assertThat(this.chunks.check(chunk.get(), "worker-a")).isTrue();
			chunk = this.chunks.claim(run, "worker-a", Instant.now());
		}

		assertThat(twins).allSatisfy((pair) -> {
			assertThat(
					this.api.finding(pair.get(0), QualityRules.SIMILAR_NAME_SAME_BIRTH_DATE).get("message").asString())
				.contains(pair.get(1));
			assertThat(
					this.api.finding(pair.get(1), QualityRules.SIMILAR_NAME_SAME_BIRTH_DATE).get("message").asString())
				.contains(pair.get(0));
		});
		this.runs.cancel(run);
	}

	@Test
	void anInstanceSetsNoMoreWorkersOnARunThanHalfItsConnectionPoolCanSpare() {
		assertThat(QualityRuns.workers(0, 2, OptionalInt.of(10))).as("one per processor").isEqualTo(2);
		assertThat(QualityRuns.workers(0, 16, OptionalInt.of(10))).as("planning takes one more").isEqualTo(4);
		assertThat(QualityRuns.workers(0, 16, OptionalInt.of(2))).as("at least one").isEqualTo(1);
		assertThat(QualityRuns.workers(0, 16, OptionalInt.empty())).as("a pool of unknown size").isEqualTo(16);
		assertThat(QualityRuns.workers(4, 1, OptionalInt.of(10))).as("as configured").isEqualTo(4);
		assertThatIllegalStateException().isThrownBy(() -> QualityRuns.workers(5, 16, OptionalInt.of(10)))
			.withMessageContaining("crm.quality.workers=5 would take 6 of the 10 connections")
			.withMessageContaining("at most 4 workers fit, or the pool must have at least 12");
	}

	@Test
	void aNameThresholdThatIsNoSimilarityIsRefusedAtStartup() {
		assertThatIllegalArgumentException().isThrownBy(() -> new QualityRules(similarNames(1.5)))
			.withMessageContaining("crm.quality.rules.similar-name-same-birth-date.threshold")
			.withMessageContaining("above 0 and at most 1");
	}

	private QualityProperties similarNames(double threshold) {
		return new QualityProperties("-", 3, 1, Duration.ofMinutes(2), Map.of(QualityRules.SIMILAR_NAME_SAME_BIRTH_DATE,
				new QualityProperties.RuleSettings(null, null, threshold)));
	}

	private Set<String> findingsOf(List<String> customers) {
		return Set.copyOf(this.jdbc.queryForList("""
				select rule || ' ' || customer_id || ' ' || detail_key || ' ' || coalesce(related_customer_id::text, '')
				from quality_finding where customer_id = any (?::uuid[])""", String.class,
				(Object) customers.toArray(String[]::new)));
	}

	/**
	 * Customers with one finding each: no contact medium, and names like no one else's.
	 */
	private List<String> unreachable(int count) {
		List<String> customers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String given = letters();
			String family = letters();
			String born = randomBirthDate();
			customers.add(
					this.api.create(given + " " + family, QualityApi.individual(given, family, born), List.of(), null));
		}
		return customers;
	}

	/** A day on which few other test customers were born. */
	private static String randomBirthDate() {
		return LocalDate.of(1900, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(36500)).toString();
	}

	private static String letters() {
		StringBuilder letters = new StringBuilder();
		UUID.randomUUID()
			.toString()
			.replace("-", "")
			.chars()
			.limit(10)
			.forEach((hex) -> letters.append((char) ((letters.isEmpty() ? 'A' : 'a') + Character.digit(hex, 16))));
		return letters.toString();
	}

	/**
	 * A running run over this source's customers, as the instance that started it leaves
	 * it.
	 */
	private UUID runOf(List<String> customers) {
		UUID run = UUID.randomUUID();
		this.api.sql("""
				insert into quality_run (id, status, data_source, requested_by, started_at, total, owner, heartbeat_at,
				    segment_started_at)
				values (?, 'running', ?, 'test', now(), ?, 'starting-instance', now(), now())""", run, this.api.source,
				customers.size());
		return run;
	}

}
