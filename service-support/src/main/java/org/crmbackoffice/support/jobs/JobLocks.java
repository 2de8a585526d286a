package org.crmbackoffice.support.jobs;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Named locks for the jobs that every instance schedules but one at a time must do
 * (reminders, retention, unusual-access detection, starting a data-quality run):
 * PostgreSQL advisory locks held by the current transaction, so they are released at
 * commit or rollback, and by the database when an instance dies. A job's name is hashed
 * to the lock's key by PostgreSQL, so no numbers need agreeing on. Call inside a
 * transaction.
 */
public class JobLocks {

	private final JdbcTemplate jdbc;

	public JobLocks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Takes the job's lock if no other transaction holds it; false while one does. */
	public boolean tryLock(String job) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject("select pg_try_advisory_xact_lock(hashtextextended(?, 0))",
				Boolean.class, job));
	}

	/** Waits until the job's lock is free and takes it. */
	public void lock(String job) {
		this.jdbc.queryForObject("select pg_advisory_xact_lock(hashtextextended(?, 0))::text", String.class, job);
	}

}
