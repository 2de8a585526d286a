package org.crmbackoffice.interactions.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.crmbackoffice.support.jobs.JobLocks;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Interactions that take too long: past their due date, or without progress for longer
 * than their reason allows. Finds open interactions that are overdue or have stalled and
 * publishes {@value #OVERDUE} and {@value #REMINDER} events to the enterprise's
 * listeners. One instance at a time does it: the run holds the job's lock
 * ({@link JobLocks}) for its transaction, and other instances that find it taken skip
 * their turn. Events and the record that they were sent commit together.
 */
@Component
class StalledInteractionWatcher {

	static final String OVERDUE = "PartyInteractionOverdueEvent";

	static final String REMINDER = "PartyInteractionReminderEvent";

	/** The name of the job's lock: one instance at a time checks. */
	static final String JOB = "stalled-interactions";

	private static final String OPEN = "status not in ('COMPLETED', 'CANCELLED') and deleted_at is null";

	private final JdbcTemplate jdbc;

	private final StoredInteractionEvents events;

	private final PartnerMessages partnerMessages;

	private final StalledInteractionProperties properties;

	private final Clock clock;

	private final JobLocks locks;

	private final TransactionTemplate transaction;

	StalledInteractionWatcher(JdbcTemplate jdbc, StoredInteractionEvents events, PartnerMessages partnerMessages,
			StalledInteractionProperties properties, Clock clock, PlatformTransactionManager transactions,
			JobLocks locks) {
		this.locks = locks;
		this.jdbc = jdbc;
		this.events = events;
		this.partnerMessages = partnerMessages;
		this.properties = properties;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * @return how many events were published, or -1 when another instance was at it
	 */
	@Scheduled(fixedDelayString = "${crm.interaction.stalled.check-interval:PT1M}")
	int check() {
		Integer published = this.transaction.execute((status) -> {
			if (!this.locks.tryLock(JOB)) {
				return -1;
			}
			Instant now = this.clock.instant();
			return overdue(now) + stalled(now);
		});
		return (published != null) ? published : 0;
	}

	private int overdue(Instant now) {
		List<Map<String, Object>> found = this.jdbc.queryForList(
				"select id, reason, status, due_date from party_interaction where " + OPEN
						+ " and due_date < ? and overdue_notified_at is null order by due_date limit 500",
				Timestamp.from(now));
		for (Map<String, Object> interaction : found) {
			publish(OVERDUE, interaction);
			this.jdbc.update("update party_interaction set overdue_notified_at = ? where id = ?", Timestamp.from(now),
					interaction.get("id"));
		}
		return found.size();
	}

	private int stalled(Instant now) {
		List<Map<String, Object>> candidates = this.jdbc.queryForList("select id, reason, status, due_date, "
				+ "updated_at from party_interaction where " + OPEN + " and updated_at < ? "
				+ "and (stall_notified_for is null or stall_notified_for <> updated_at) order by updated_at limit 500",
				Timestamp.from(now.minus(this.properties.shortestNoProgress())));
		int published = 0;
		for (Map<String, Object> interaction : candidates) {
			Instant lastProgress = ((Timestamp) interaction.get("updated_at")).toInstant();
			if (lastProgress.isBefore(now.minus(this.properties.noProgressAfter((String) interaction.get("reason"))))) {
				publish(REMINDER, interaction);
				this.jdbc.update("update party_interaction set stall_notified_for = updated_at where id = ?",
						interaction.get("id"));
				published++;
			}
		}
		return published;
	}

	/**
	 * The event carries the whole interaction, so listeners filter reminders like any
	 * other event.
	 */
	private void publish(String type, Map<String, Object> interaction) {
		this.events.publish(type, (UUID) interaction.get("id")).ifPresent((resource) -> {
			if (this.properties.notifyPartner()) {
				this.partnerMessages.oweReminder(resource);
			}
		});
	}

}
