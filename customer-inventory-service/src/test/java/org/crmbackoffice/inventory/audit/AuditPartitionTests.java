package org.crmbackoffice.inventory.audit;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.crmbackoffice.model.common.ContactMedium;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerCreate;
import org.crmbackoffice.model.customer.EngagedParty;
import org.crmbackoffice.support.partitions.PartitionMaintenance;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.DatabaseAtVersion;
import org.crmbackoffice.testsupport.NoBackgroundDelivery;
import org.crmbackoffice.testsupport.TestIssuerProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trail written before the read entries were partitioned by month (schema version 27)
 * moves into its months whole and still verifies; the retention purge then drops the
 * months of reads that expired whole, deletes what expired of the next month row by row,
 * and leaves a chain that verifies from its checkpoint; and the months ahead are always
 * ready.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@ContextConfiguration(initializers = { AuditPartitionTests.TrailWrittenBeforePartitioning.class,
		TestIssuerProperties.class, NoBackgroundDelivery.class })
class AuditPartitionTests {

	/** Reads written before the partitioning, every ten days from this one. */
	private static final Instant FIRST_READ = Instant.parse("2025-01-10T08:00:00Z");

	private static final int READS = 10;

	private static final String READER = "reader-before-partitioning";

	@Autowired
	RestTestClient client;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReadRetention retention;

	@Autowired
	AuditTrail trail;

	@Autowired
	PartitionMaintenance partitions;

	private AuditClient audit;

	@BeforeEach
	void auditClient() {
		this.audit = new AuditClient(this.client, this.json);
	}

	@Test
	void keepsEveryEntryThroughPartitioningAndPurgesExpiredMonthsWhole() {
		assertThat(readsPerMonth()).containsAllEntriesOf(Map.of("audit_entry_access_2025_01", 3L,
				"audit_entry_access_2025_02", 2L, "audit_entry_access_2025_03", 4L, "audit_entry_access_2025_04", 1L));
		assertThat(this.audit.verify().path("status").asString()).isEqualTo("ok");
		String steward = AuditClient.token("steward-" + UUID.randomUUID(), Roles.DATA_STEWARD);
		Customer customer = this.audit.create(steward,
				CustomerCreate.of("Partitioned Ltd", EngagedParty.organization("Partitioned Ltd", List.of()),
						List.of(ContactMedium.email("a@example.org"))));
		String supervisor = "supervisor-" + UUID.randomUUID();
		this.audit.get(AuditClient.token(supervisor, Roles.SUPERVISOR), customer.href(), 200);
		this.trail.flush();
		assertThat(readsPerMonth()).containsEntry(partitionOf(YearMonth.now(ZoneOffset.UTC)), 1L);

		long purged = this.retention.purge(Instant.parse("2025-03-15T00:00:00Z"), true);

		assertThat(purged).isEqualTo(7);
		assertThat(this.jdbc.queryForList("select to_regclass(name)::text from unnest(?::text[]) name", String.class,
				(Object) new String[] { "audit_entry_access_2025_01", "audit_entry_access_2025_02" }))
			.as("the tables of the months dropped")
			.containsOnlyNulls();
		assertThat(readsPerMonth()).doesNotContainKeys("audit_entry_access_2025_01", "audit_entry_access_2025_02")
			.containsEntry("audit_entry_access_2025_03", 2L)
			.containsEntry("audit_entry_access_2025_04", 1L);
		assertThat(this.audit.entries("principal=" + READER)).extracting((entry) -> entry.path("occurredAt").asString())
			.containsExactly("2025-03-21T08:00:00Z", "2025-03-31T08:00:00Z", "2025-04-10T08:00:00Z");
		assertThat(this.jdbc.queryForObject("select entries_purged from audit_checkpoint where chain = 'access'",
				Long.class))
			.isEqualTo(7);
		JsonNode verification = this.audit.verify();
		assertThat(verification.path("status").asString()).isEqualTo("ok");
		assertThat(this.audit.entries("principal=" + supervisor)).hasSize(1);
	}

	@Test
	void createsTheMonthsAheadThatAreMissing() {
		YearMonth last = YearMonth.now(ZoneOffset.UTC).plusMonths(3);
		this.jdbc.execute("drop table " + partitionOf(last));

		this.partitions.createAhead();

		assertThat(readsPerMonth()).containsEntry(partitionOf(last), 0L);
	}

	/** Each month's partition of the read entries, with how many reads it holds. */
	private Map<String, Long> readsPerMonth() {
		Map<String, Long> counts = new TreeMap<>();
		for (String partition : this.jdbc.queryForList("""
				select child.relname from pg_inherits join pg_class child on child.oid = pg_inherits.inhrelid
				where pg_inherits.inhparent = 'audit_entry_access'::regclass""", String.class)) {
			counts.put(partition, this.jdbc.queryForObject("select count(*) from " + partition, Long.class));
		}
		return counts;
	}

	private static String partitionOf(YearMonth month) {
		return "audit_entry_access_" + month.format(DateTimeFormatter.ofPattern("yyyy_MM"));
	}

	/**
	 * Ten reads on the access chain, hashed as the service hashes them, in the schema of
	 * version 27.
	 */
	static class TrailWrittenBeforePartitioning extends DatabaseAtVersion {

		TrailWrittenBeforePartitioning() {
			super("audit_partitions", "27");
		}

		@Override
		protected void fill(JdbcTemplate jdbc) {
			String previous = EntryHash.GENESIS;
			for (int sequence = 1; sequence <= READS; sequence++) {
				AuditEntry read = new AuditEntry(FIRST_READ.plus(Duration.ofDays(10L * (sequence - 1))), READER,
						"crm-frontend", "supervisor", "customer.read", UUID.randomUUID(), null, null, null, null, null);
				String hash = EntryHash.of(AuditChains.ACCESS, sequence, read, previous);
				jdbc.update("""
						insert into audit_entry (chain, sequence, occurred_at, principal, client_id, roles, operation,
						    record_id, previous_hash, hash)
						values ('access', ?, ?, ?, ?, ?, ?, ?, ?, ?)""", sequence, Timestamp.from(read.occurredAt()),
						read.principal(), read.clientId(), read.roles(), read.operation(), read.recordId(), previous,
						hash);
				previous = hash;
			}
			jdbc.update("update audit_chain set last_sequence = ?, last_hash = ? where chain = 'access'", READS,
					previous);
		}

	}

}
