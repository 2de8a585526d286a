package org.crmbackoffice.inventory.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.crmbackoffice.support.jobs.JobLocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes read entries older than {@code crm.audit.read-retention}; entries of writes are
 * never deleted. The oldest part of the access chain goes, never a piece from its middle,
 * and in the same transaction a checkpoint keeps the sequence and hash of the last entry
 * deleted, where verification then starts. Only this transaction declares itself the
 * purge to the append-only trigger. One instance purges at a time, under an advisory
 * lock.
 */
@Component
class ReadRetention {

	private static final Logger log = LoggerFactory.getLogger(ReadRetention.class);

	/** The name of the job's lock: one instance at a time does it. */
	static final String JOB = "read-retention";

	private static final String LAST_TO_PURGE = """
			select max(sequence) from audit_entry
			where chain = 'access' and occurred_at < ?
			  and sequence < coalesce((select min(sequence) from audit_entry
			                           where chain = 'access' and occurred_at >= ?), 9223372036854775807)""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final AuditProperties properties;

	private final Clock clock;

	private final JobLocks locks;

	ReadRetention(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditProperties properties, Clock clock,
			JobLocks locks) {
		this.locks = locks;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${crm.audit.purge-interval:PT1H}",
			initialDelayString = "${crm.audit.purge-interval:PT1H}")
	void purgeExpired() {
		long purged = purge(this.clock.instant().minus(this.properties.readRetention()), false);
		if (purged > 0) {
			log.info("Purged {} read entries older than {} from the audit trail", purged,
					this.properties.readRetention());
		}
	}

	/**
	 * Deletes the oldest read entries, up to the last one before the first entry at or
	 * after the cutoff.
	 * @param wait whether to wait for another instance's purge rather than skip this one
	 * @return how many entries were deleted; -1 when another instance was purging
	 */
	long purge(Instant cutoff, boolean wait) {
		Long purged = this.transaction.execute((status) -> {
			if (wait) {
				this.locks.lock(JOB);
			}
			else if (!this.locks.tryLock(JOB)) {
				return -1L;
			}
			Timestamp before = Timestamp.from(cutoff);
			Long last = this.jdbc.queryForObject(LAST_TO_PURGE, Long.class, before, before);
			if (last == null) {
				return 0L;
			}
			String hash = this.jdbc.queryForObject(
					"select hash from audit_entry where chain = 'access' and sequence = ?", String.class, last);
			this.jdbc.queryForObject("select set_config('crm.audit_purge', 'on', true)", String.class);
			int deleted = this.jdbc.update("delete from audit_entry where chain = 'access' and sequence <= ?", last);
			this.jdbc.update("""
					insert into audit_checkpoint (chain, sequence, hash, entries_purged, purged_before, created_at)
					values ('access', ?, ?, ?, ?, ?)""", last, hash, deleted, before,
					Timestamp.from(this.clock.instant()));
			this.jdbc.queryForObject("select set_config('crm.audit_purge', 'off', true)", String.class);
			return (long) deleted;
		});
		return (purged != null) ? purged : 0;
	}

}
