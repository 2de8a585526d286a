package org.crmbackoffice.inventory.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.crmbackoffice.support.jobs.JobLocks;
import org.crmbackoffice.support.partitions.MonthlyPartitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Purges read entries older than {@code crm.audit.read-retention}; entries of writes are
 * never purged. The oldest part of the access chain goes, never a piece from its middle,
 * and in the same transaction a checkpoint keeps the sequence and hash of the last entry
 * purged, where verification then starts. A month of reads that has wholly expired is
 * detached from the trail in milliseconds however many reads it held, and dropped once
 * that has committed, so that removing its files locks nothing; what expired of the month
 * that has not is deleted row by row, and only this transaction declares itself the purge
 * to the append-only trigger. One instance purges at a time, under an advisory lock.
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

	/** How long a drop waits for a month's partition that is in use. */
	static final Duration PARTITION_LOCK_TIMEOUT = Duration.ofSeconds(1);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final AuditProperties properties;

	private final Clock clock;

	private final JobLocks locks;

	private final MonthlyPartitions months;

	ReadRetention(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditProperties properties, Clock clock,
			JobLocks locks, @Qualifier(AuditConfiguration.ACCESS_ENTRY_PARTITIONS) MonthlyPartitions months) {
		this.locks = locks;
		this.months = months;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${crm.audit.purge-interval:PT1H}",
			initialDelayString = "${crm.audit.purge-interval:PT1H}")
	void purgeExpired() {
		long purged;
		try {
			purged = purge(this.clock.instant().minus(this.properties.readRetention()), false);
		}
		catch (PessimisticLockingFailureException ex) {
			log.warn("Read entries past their retention stay until the next purge: a month's partition was in use "
					+ "for longer than {}", PARTITION_LOCK_TIMEOUT);
			return;
		}
		if (purged > 0) {
			log.info("Purged {} read entries older than {} from the audit trail", purged,
					this.properties.readRetention());
		}
	}

	/**
	 * Purges the oldest read entries, up to the last one before the first entry at or
	 * after the cutoff.
	 * @param wait whether to wait for another instance's purge rather than skip this one
	 * @return how many entries were purged; -1 when another instance was purging
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
				detachExpiredMonths(cutoff, 0);
				return 0L;
			}
			String hash = this.jdbc.queryForObject(
					"select hash from audit_entry where chain = 'access' and sequence = ?", String.class, last);
			// The chain's sequences follow on without gaps, so this is how many entries
			// leave, whether by the row or with their month.
			long purging = last - this.jdbc.queryForObject(
					"select coalesce(max(sequence), 0) from audit_checkpoint where chain = 'access'", Long.class);
			this.jdbc.update("""
					insert into audit_checkpoint (chain, sequence, hash, entries_purged, purged_before, created_at)
					values ('access', ?, ?, ?, ?, ?)""", last, hash, purging, before,
					Timestamp.from(this.clock.instant()));
			detachExpiredMonths(cutoff, last);
			this.jdbc.queryForObject("select set_config('crm.audit_purge', 'on', true)", String.class);
			this.jdbc.update("delete from audit_entry where chain = 'access' and sequence <= ?", last);
			this.jdbc.queryForObject("select set_config('crm.audit_purge', 'off', true)", String.class);
			return purging;
		});
		this.months.dropDetached();
		return (purged != null) ? purged : 0;
	}

	/**
	 * Detaches the months that end by the cutoff and hold nothing after the last entry
	 * purged (empty months too). Detaching a partition locks the access entries for a
	 * moment, so it waits for no longer than {@link #PARTITION_LOCK_TIMEOUT} behind a
	 * long export of the trail: reads of customers queue behind a waiting detach.
	 */
	private void detachExpiredMonths(Instant cutoff, long last) {
		this.jdbc.queryForObject("select set_config('lock_timeout', ?, true)", String.class,
				PARTITION_LOCK_TIMEOUT.toMillis() + "ms");
		for (MonthlyPartitions.Partition month : this.months.list()) {
			if (month.to().isAfter(cutoff)) {
				break;
			}
			Long newest = this.jdbc
				.queryForObject("select max(sequence) from " + month.name() + " where chain = 'access'", Long.class);
			if (newest == null || newest <= last) {
				this.months.detach(month);
				log.info("Dropping {}: its reads are past their retention", month.name());
			}
		}
		this.jdbc.queryForObject("select set_config('lock_timeout', '0', true)", String.class);
	}

}
