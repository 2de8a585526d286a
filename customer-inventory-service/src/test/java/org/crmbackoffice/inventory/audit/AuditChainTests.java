package org.crmbackoffice.inventory.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

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
 * The trail is append-only in the database, a change made behind its back shows up as the first broken link, and
 * the retention purge deletes old reads without breaking the chain. Each tampering is undone before the test
 * ends, since all tests share one trail.
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

	@Autowired
	AuditChains chains;

	@Autowired
	AuditProperties properties;

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
		long write = this.audit.entries("recordId=" + customer.id() + "&operation=customer.create").get(0)
			.path("id").asLong();
		long read = this.audit.entries("recordId=" + customer.id() + "&operation=customer.read").get(0)
			.path("id").asLong();

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
		assertThat(this.audit.entries("recordId=" + customer.id())).extracting(
				(entry) -> entry.path("operation").asString() + " " + entry.path("principal").asString())
			.containsExactly("customer.create " + this.stewardName, "customer.read " + later);
		JsonNode verification = this.audit.verify();
		assertThat(verification.path("status").asString()).isEqualTo("ok");
		JsonNode access = verification.path("chains").valueStream()
			.filter((chain) -> chain.path("chain").asString().equals("access"))
			.findFirst()
			.orElseThrow();
		assertThat(access.path("verifiedFrom").asLong()).isEqualTo(this.jdbc
			.queryForObject("select max(sequence) from audit_checkpoint where chain = 'access'", Long.class));
		assertThat(access.path("entriesChecked").asLong()).isPositive();
		assertThat(this.retention.purge(cutoff, true)).isZero();
	}

	@Test
	void aGracefulStopWritesEveryReadStillQueued() {
		// A recorder of its own: stopping the context's one would end the recording for the other tests.
		ReadRecorder recorder = new ReadRecorder(this.chains, this.jdbc, this.transactions, this.properties,
				new SimpleMeterRegistry());
		recorder.start();
		String reader = "reader-" + UUID.randomUUID();
		UUID record = UUID.randomUUID();
		for (int page = 0; page < 50; page++) {
			recorder.record(IntStream.range(0, 100)
				.mapToObj((n) -> new AuditEntry(EntryHash.stored(Instant.now()), reader, "crm-frontend", "agent",
						AuditTrail.CUSTOMER_LIST, record, null, null, null, null, null))
				.toList());
		}
		assertThat(recorder.backlog()).as("reads still queued when the stop begins").isPositive();

		recorder.stop();

		assertThat(recorder.backlog()).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from audit_entry where principal = ?", Long.class,
				reader))
			.isEqualTo(5000);
		assertThat(this.audit.verify().path("status").asString()).isEqualTo("ok");
	}

	private void readTimes(Customer customer, int times, String supervisor) {
		for (int i = 0; i < times; i++) {
			this.audit.get(AuditClient.token(supervisor, Roles.SUPERVISOR), customer.href(), 200);
		}
		this.trail.flush();
	}

	/** Tampering as someone who owns the table would: with the append-only trigger switched off meanwhile. */
	private void withoutTrigger(String statement) {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.jdbc.execute("alter table audit_entry disable trigger audit_entry_append_only");
			this.jdbc.execute(statement);
			this.jdbc.execute("alter table audit_entry enable trigger audit_entry_append_only");
		});
	}

	/** Rolled back whatever happens, so that a trigger failing to refuse cannot wipe the shared trail. */
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
