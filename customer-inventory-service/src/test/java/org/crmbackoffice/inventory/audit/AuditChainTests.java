package org.crmbackoffice.inventory.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.crmbackoffice.model.common.ContactMedium;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerCreate;
import org.crmbackoffice.model.customer.EngagedParty;
import org.crmbackoffice.support.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The trail is append-only in the database, a change made behind its back shows up as the
 * first broken link, and the retention purge deletes old reads without breaking the
 * chain. Each tampering is undone before the test ends, since all tests share one trail.
 */
@AuditedInventoryTest
class AuditChainTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	AuditTrail trail;

	@Autowired
	ReadRetention retention;

	private AuditClient audit;

	private final String stewardName = "steward-" + UUID.randomUUID();

	private final String steward = AuditClient.token(this.stewardName, Roles.DATA_STEWARD);

	@BeforeEach
	void auditClient() {
		this.audit = new AuditClient(this.client, this.json);
	}

	@Test
	void theDatabaseRefusesToChangeOrDeleteEntriesOutsideTheRetentionPurge() {
		Customer customer = this.audit.create(this.steward, organization("Append Only Ltd"));
		readTimes(customer, 1, "supervisor-" + UUID.randomUUID());
		long write = this.audit.entries("recordId=" + customer.id() + "&operation=customer.create")
			.get(0)
			.path("id")
			.asLong();
		long read = this.audit.entries("recordId=" + customer.id() + "&operation=customer.read")
			.get(0)
			.path("id")
			.asLong();

		for (String attempt : List.of("update audit_entry set purpose = 'rewritten' where id = " + write,
				"delete from audit_entry where id = " + write, "delete from audit_entry where id = " + read,
				"truncate audit_entry", "delete from audit_checkpoint")) {
			assertThatExceptionOfType(DataAccessException.class).as(attempt)
				.isThrownBy(() -> inTransactionRolledBack(attempt))
				.havingRootCause()
				.withMessageContaining("append-only");
		}
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> inTransactionRolledBack("select set_config('crm.audit_purge', 'on', true)",
					"delete from audit_entry where id = " + write))
			.havingRootCause()
			.withMessageContaining("append-only");
		assertThat(this.audit.verify().path("status").asString()).isEqualTo("ok");
	}

	@Test
	void verificationReportsAnEntryChangedBehindTheTrailsBackAsTheFirstBrokenLink() {
		Customer customer = this.audit.create(this.steward, organization("Tampered Ltd"));
		readTimes(customer, 2, "supervisor-" + UUID.randomUUID());
		JsonNode created = this.audit.entries("recordId=" + customer.id() + "&operation=customer.create").get(0);
		long id = created.path("id").asLong();
		assertThat(this.audit.verify().path("status").asString()).isEqualTo("ok");

		withoutTrigger("update audit_entry set principal = 'someone-else' where id = " + id);
		JsonNode verification;
		try {
			verification = this.audit.verify();
		}
		finally {
			withoutTrigger("update audit_entry set principal = '" + created.path("principal").asString()
					+ "' where id = " + id);
		}

		assertThat(verification.path("status").asString()).isEqualTo("broken");
		JsonNode broken = verification.path("brokenLink");
		assertThat(broken.path("chain").asString()).isEqualTo("change");
		assertThat(broken.path("entryId").asLong()).isEqualTo(id);
		assertThat(broken.path("sequence").asLong()).isEqualTo(created.path("sequence").asLong());
		assertThat(broken.path("reason").asString()).contains("does not match its hash");
		assertThat(this.audit.verify().path("status").asString()).isEqualTo("ok");
	}

	@Test
	void verificationReportsAnEntryDeletedFromTheMiddleOfTheChain() {
		Customer customer = this.audit.create(this.steward, organization("Gap Ltd"));
		String supervisor = "supervisor-" + UUID.randomUUID();
		readTimes(customer, 3, supervisor);
		List<JsonNode> reads = this.audit.entries("principal=" + supervisor);
		long deleted = reads.get(1).path("sequence").asLong();
		String saved = "audit_entry_removed_" + UUID.randomUUID().toString().replace("-", "");

		this.jdbc.execute("create table " + saved + " as select * from audit_entry where id = "
				+ reads.get(1).path("id").asLong());
		JsonNode verification;
		try {
			withoutTrigger("delete from audit_entry where id = " + reads.get(1).path("id").asLong());
			verification = this.audit.verify();
		}
		finally {
			this.jdbc.execute("insert into audit_entry select * from " + saved);
			this.jdbc.execute("drop table " + saved);
		}

		JsonNode broken = verification.path("brokenLink");
		assertThat(verification.path("status").asString()).isEqualTo("broken");
		assertThat(broken.path("chain").asString()).isEqualTo("access");
		assertThat(broken.path("sequence").asLong()).isEqualTo(deleted + 1);
		assertThat(broken.path("reason").asString()).contains("entry " + deleted + " is missing");
		assertThat(this.audit.verify().path("status").asString()).isEqualTo("ok");
	}

	@Test
	void theRetentionPurgeDeletesOldReadsOnlyAndVerificationStartsFromItsCheckpoint() {
		Customer customer = this.audit.create(this.steward, organization("Long Kept Ltd"));
		readTimes(customer, 2, "supervisor-" + UUID.randomUUID());
		Instant cutoff = Instant.now();

		long purged = this.retention.purge(cutoff, true);
		String later = "supervisor-" + UUID.randomUUID();
		readTimes(customer, 1, later);

		assertThat(purged).isGreaterThanOrEqualTo(2);
		assertThat(this.audit.entries("recordId=" + customer.id()))
			.extracting((entry) -> entry.path("operation").asString() + " " + entry.path("principal").asString())
			.containsExactly("customer.create " + this.stewardName, "customer.read " + later);
		JsonNode verification = this.audit.verify();
		assertThat(verification.path("status").asString()).isEqualTo("ok");
		JsonNode access = verification.path("chains")
			.valueStream()
			.filter((chain) -> chain.path("chain").asString().equals("access"))
			.findFirst()
			.orElseThrow();
		assertThat(access.path("verifiedFrom").asLong()).isEqualTo(this.jdbc
			.queryForObject("select max(sequence) from audit_checkpoint where chain = 'access'", Long.class));
		assertThat(access.path("entriesChecked").asLong()).isPositive();
		assertThat(this.retention.purge(cutoff, true)).isZero();
	}

	@Test
	void everyRecordThatLeavesHasItsAccessEntryCommitted() throws Exception {
		Customer customer = this.audit.create(this.steward, organization("Durable Read Ltd"));
		List<Callable<List<Long>>> readers = IntStream.range(0, 4).mapToObj((n) -> (Callable<List<Long>>) () -> {
			String reader = "reader-" + UUID.randomUUID();
			String token = AuditClient.token(reader, Roles.SUPERVISOR);
			List<Long> entriesAfterEachRead = new ArrayList<>();
			for (int read = 1; read <= 25; read++) {
				this.audit.get(token, customer.href(), 200);
				// No flush: the entry must be in the database by the time the record
				// arrived.
				entriesAfterEachRead.add(this.jdbc.queryForObject(
						"select count(*) from audit_entry where principal = ? and record_id = ?::uuid", Long.class,
						reader, customer.id()));
			}
			return entriesAfterEachRead;
		}).toList();

		ExecutorService pool = Executors.newFixedThreadPool(readers.size());
		try {
			for (Future<List<Long>> reader : pool.invokeAll(readers)) {
				assertThat(reader.get()).containsExactlyElementsOf(LongStream.rangeClosed(1, 25).boxed().toList());
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void instancesAppendingInTurnKeepOneUnbrokenChain() {
		// Two instances of the service, each remembering the head it last committed,
		// which the other then moves.
		List<AuditChains> instances = List.of(new AuditChains(this.jdbc, new SimpleMeterRegistry()),
				new AuditChains(this.jdbc, new SimpleMeterRegistry()));
		String reader = "reader-" + UUID.randomUUID();
		for (int turn = 0; turn < 10; turn++) {
			AuditChains instance = instances.get(turn % 2);
			new TransactionTemplate(this.transactions)
				.executeWithoutResult((status) -> instance.append(AuditChains.ACCESS,
						IntStream.range(0, 3)
							.mapToObj((n) -> new AuditEntry(EntryHash.stored(Instant.now()), reader, "crm-frontend",
									"agent", AuditTrail.CUSTOMER_READ, UUID.randomUUID(), null, null, null, null, null))
							.toList()));
		}

		assertThat(this.jdbc.queryForObject("select count(*) from audit_entry where principal = ?", Long.class, reader))
			.isEqualTo(30);
		assertThat(this.audit.verify().path("status").asString()).isEqualTo("ok");
	}

	@Test
	void refusesARecordWhoseAccessEntryCannotBeCommittedInTime() throws Exception {
		Customer customer = this.audit.create(this.steward, organization("Locked Trail Ltd"));
		String token = AuditClient.token("reader-" + UUID.randomUUID(), Roles.SUPERVISOR);
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService lockHolder = Executors.newSingleThreadExecutor();
		try {
			Future<?> lock = lockHolder
				.submit(() -> new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
					this.jdbc.execute("lock table audit_entry in exclusive mode");
					locked.countDown();
					awaitQuietly(release);
				}));
			assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();

			String refused = new String(this.audit.get(token, customer.href(), 503), StandardCharsets.UTF_8);

			assertThat(refused).contains("urn:crm-backoffice:problem:audit-unavailable")
				.doesNotContain("Locked Trail Ltd", "engagedParty");
			release.countDown();
			lock.get(30, TimeUnit.SECONDS);
		}
		finally {
			release.countDown();
			lockHolder.shutdownNow();
		}
		this.audit.get(token, customer.href(), 200);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void readTimes(Customer customer, int times, String supervisor) {
		for (int i = 0; i < times; i++) {
			this.audit.get(AuditClient.token(supervisor, Roles.SUPERVISOR), customer.href(), 200);
		}
		this.trail.flush();
	}

	/**
	 * Tampering as someone who owns the table would: with the append-only trigger
	 * switched off meanwhile.
	 */
	private void withoutTrigger(String statement) {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.jdbc.execute("alter table audit_entry disable trigger audit_entry_append_only");
			this.jdbc.execute(statement);
			this.jdbc.execute("alter table audit_entry enable trigger audit_entry_append_only");
		});
	}

	/**
	 * Rolled back whatever happens, so that a trigger failing to refuse cannot wipe the
	 * shared trail.
	 */
	private void inTransactionRolledBack(String... statements) {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			status.setRollbackOnly();
			for (String statement : statements) {
				this.jdbc.execute(statement);
			}
		});
	}

	private static CustomerCreate organization(String name) {
		return CustomerCreate.of(name, EngagedParty.organization(name, List.of()),
				List.of(ContactMedium.email("office@example.org")));
	}

}
