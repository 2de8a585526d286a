package org.crmbackoffice.inventory.usage;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.crmbackoffice.support.hub.EventPublisher;
import org.crmbackoffice.support.jobs.JobLocks;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds principals reading far more customer records today (UTC) than they usually do: at
 * least {@code crm.audit.anomaly.minimum-records}, and more than {@code factor} times the
 * median of their daily reads over the trailing days, days without reads counting as
 * none. It looks every {@code crm.audit.anomaly.check-interval}, from the stored usage
 * counters, so a burst shows within that interval plus the usage flush interval. Each
 * principal's unusual day is recorded and raised as a {@value #EVENT} once, in the same
 * transaction. One instance looks at a time, under an advisory lock.
 */
@Component
class AccessAnomalies {

	static final String EVENT = "CustomerAccessAnomalyEvent";

	/** The name of the job's lock: one instance at a time does it. */
	static final String JOB = "access-anomalies";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final EventPublisher events;

	private final UsageProperties.Anomaly settings;

	private final Clock clock;

	private final JobLocks locks;

	AccessAnomalies(JdbcTemplate jdbc, PlatformTransactionManager transactions, EventPublisher events,
			UsageProperties properties, Clock clock, JobLocks locks) {
		this.locks = locks;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.events = events;
		this.settings = properties.anomaly();
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${crm.audit.anomaly.check-interval:PT5M}",
			initialDelayString = "${crm.audit.anomaly.check-interval:PT5M}")
	void check() {
		detect(false);
	}

	/**
	 * @param wait whether to wait for another instance's check rather than skip this one
	 * @return the anomalies newly found
	 */
	List<CustomerAccessAnomaly> detect(boolean wait) {
		return this.transaction.execute((status) -> {
			if (wait) {
				this.locks.lock(JOB);
			}
			else if (!this.locks.tryLock(JOB)) {
				return List.of();
			}
			Instant now = this.clock.instant();
			LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
			List<CustomerAccessAnomaly> found = new ArrayList<>();
			for (Map<String, Object> reader : this.jdbc.queryForList("""
					select principal, sum(records_read) as records_read from usage_daily
					where day = ? and principal <> ? group by principal having sum(records_read) >= ?""",
					Date.valueOf(today), UsageMeter.UNKNOWN, this.settings.minimumRecords())) {
				String principal = (String) reader.get("principal");
				long read = ((Number) reader.get("records_read")).longValue();
				double usual = usualDailyReads(principal, today);
				if (read > this.settings.factor() * usual && raise(today, principal, read, usual, now)) {
					CustomerAccessAnomaly anomaly = new CustomerAccessAnomaly(today, principal, read, usual,
							this.settings.factor(), now);
					this.events.publish(EVENT, principal.substring(0, Math.min(principal.length(), 100)),
							"customerAccessAnomaly", anomaly);
					found.add(anomaly);
				}
			}
			return found;
		});
	}

	private double usualDailyReads(String principal, LocalDate today) {
		long[] daily = new long[this.settings.trailingDays()];
		LocalDate first = today.minusDays(daily.length);
		this.jdbc.query("""
				select day, sum(records_read) as records_read from usage_daily
				where principal = ? and day >= ? and day < ? group by day""", (row) -> {
			int index = (int) (row.getDate("day").toLocalDate().toEpochDay() - first.toEpochDay());
			daily[index] = row.getLong("records_read");
		}, principal, Date.valueOf(first), Date.valueOf(today));
		Arrays.sort(daily);
		int middle = daily.length / 2;
		return (daily.length % 2 == 1) ? daily[middle] : (daily[middle - 1] + daily[middle]) / 2.0;
	}

	/**
	 * @return whether the principal's day was not raised before
	 */
	private boolean raise(LocalDate day, String principal, long read, double usual, Instant now) {
		return this.jdbc.update("""
				insert into access_anomaly (day, principal, records_read, usual_daily_records, factor, detected_at)
				values (?, ?, ?, ?, ?, ?) on conflict (day, principal) do nothing""", Date.valueOf(day), principal,
				read, usual, this.settings.factor(), Timestamp.from(now)) == 1;
	}

	List<CustomerAccessAnomaly> between(LocalDate from, LocalDate to) {
		return this.jdbc.query("""
				select day, principal, records_read, usual_daily_records, factor, detected_at from access_anomaly
				where day between ? and ? order by day, principal""",
				(row, number) -> new CustomerAccessAnomaly(row.getDate("day").toLocalDate(), row.getString("principal"),
						row.getLong("records_read"), row.getDouble("usual_daily_records"), row.getDouble("factor"),
						row.getTimestamp("detected_at").toInstant()),
				Date.valueOf(from), Date.valueOf(to));
	}

	/**
	 * A principal's unusual day, as reported and as the event carries it.
	 *
	 * @param recordsRead customer records it read that day when it was detected
	 * @param usualDailyRecords the median of its daily reads over the trailing days
	 * @param factor how many times the usual volume counted as unusual when it was
	 * detected
	 */
	record CustomerAccessAnomaly(LocalDate day, String principal, long recordsRead, double usualDailyRecords,
			double factor, Instant detectedAt) {
	}

}
