package org.crmbackoffice.support.hub;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.crmbackoffice.support.jobs.JobLocks;
import org.crmbackoffice.support.partitions.MonthlyPartitions;
import org.crmbackoffice.support.partitions.MonthlyPartitions.Partition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drops the hub's record of a month (its events, their deliveries and every attempt) once
 * the month ended more than {@code crm.hub.retention} ago and nothing in it is still
 * owed: no delivery pending and no event waiting for the event stream. A month that still
 * owes something stays until it owes nothing. Dropping a partition locks its table for a
 * moment, so publishing and delivering wait behind it, for at most {@link #LOCK_TIMEOUT};
 * a month that could not be locked in that time (a long transaction holds it) is tried
 * again at the next run. One instance at a time, under a job lock.
 */
public class OutboxRetention {

	private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

	static final String JOB = "hub-retention";

	/**
	 * How long a drop waits for a month in use; deliveries and publishing queue behind a
	 * waiting drop.
	 */
	static final Duration LOCK_TIMEOUT = Duration.ofSeconds(1);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final JobLocks locks;

	private final Clock clock;

	private final Duration retention;

	private final MonthlyPartitions events;

	private final MonthlyPartitions deliveries;

	private final MonthlyPartitions attempts;

	OutboxRetention(JdbcTemplate jdbc, PlatformTransactionManager transactions, JobLocks locks, Clock clock,
			Duration retention, List<MonthlyPartitions> tables) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.locks = locks;
		this.clock = clock;
		this.retention = retention;
		this.events = table(tables, "event_outbox");
		this.deliveries = table(tables, "event_delivery");
		this.attempts = table(tables, "delivery_attempt");
	}

	private static MonthlyPartitions table(List<MonthlyPartitions> tables, String name) {
		return tables.stream()
			.filter((table) -> table.table().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No monthly partitions declared for " + name));
	}

	@Scheduled(fixedDelayString = "${crm.hub.retention-interval:PT1H}",
			initialDelayString = "${crm.hub.retention-interval:PT1H}")
	void dropExpired() {
		try {
			dropMonthsEndedBefore(this.clock.instant().minus(this.retention));
		}
		catch (PessimisticLockingFailureException ex) {
			log.warn("The hub's expired months stay until the next try: one was in use for longer than {}",
					LOCK_TIMEOUT);
		}
	}

	/**
	 * Drops each month that ended by the cutoff and owes nothing.
	 * @return the months dropped
	 */
	public List<Partition> dropMonthsEndedBefore(Instant cutoff) {
		List<Partition> dropped = this.transaction.execute((status) -> {
			if (!this.locks.tryLock(JOB)) {
				return List.of();
			}
			this.jdbc.queryForObject("select set_config('lock_timeout', ?, true)", String.class,
					LOCK_TIMEOUT.toMillis() + "ms");
			List<Partition> detached = new ArrayList<>();
			for (Partition month : this.events.list()) {
				if (!month.to().isAfter(cutoff) && detachIfSettled(month)) {
					detached.add(month);
				}
			}
			return detached;
		});
		// Removing the files of what was detached locks nothing once the detach
		// committed.
		this.attempts.dropDetached();
		this.deliveries.dropDetached();
		this.events.dropDetached();
		return (dropped != null) ? dropped : List.of();
	}

	/**
	 * Detaches the month's events, deliveries and attempts if nothing in it is owed. It
	 * locks the month's deliveries first, so that none is owed again (a redelivery)
	 * between the check and the detach.
	 */
	private boolean detachIfSettled(Partition events) {
		Partition deliveries = this.deliveries.partition(events.month());
		Partition attempts = this.attempts.partition(events.month());
		this.jdbc.execute("lock table " + deliveries.name() + " in access exclusive mode");
		Boolean owed = this.jdbc.queryForObject(
				"select exists (select 1 from " + deliveries.name()
						+ " where status = 'pending') or exists (select 1 from event_stream_pending"
						+ " where created_at >= ? and created_at < ?)",
				Boolean.class, Timestamp.from(events.from()), Timestamp.from(events.to()));
		if (Boolean.TRUE.equals(owed)) {
			log.info("Keeping {}: it still owes deliveries or events to the stream", events.name());
			return false;
		}
		this.attempts.detach(attempts);
		this.deliveries.detach(deliveries);
		this.events.detach(events);
		log.info("Dropping the hub's record of {}: older than {}", events.month(), this.retention);
		return true;
	}

}
