package org.crmbackoffice.support.hub;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.crmbackoffice.support.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The deliveries as the database keeps them: which are due, and what each attempt came
 * to. Call it in the transaction that holds the claim.
 */
class DeliveryLedger {

	private static final Logger log = LoggerFactory.getLogger(DeliveryLedger.class);

	/**
	 * A delivery is due only when no older one about the same subject is still owed to
	 * the same listener: each listener gets one subject's events in order, and the
	 * deliveries of one claim can be posted at once. {@code SKIP LOCKED} lets any number
	 * of dispatchers on any number of instances claim without delivering one twice.
	 */
	private static final String CLAIM = """
			select d.id, d.attempts, o.event_id, o.payload, o.created_at, l.id as listener_id, l.callback, l.secret,
			       l.previous_secret, l.previous_secret_until, o.trace_parent
			from event_delivery d
			join event_outbox o on o.id = d.event_id and o.created_at = d.event_created_at
			join hub_listener l on l.id = d.listener_id
			where d.status = 'pending' and d.next_attempt_at <= ?
			  and not exists (select 1 from event_delivery earlier
			                  where earlier.listener_id = d.listener_id and earlier.subject_id = d.subject_id
			                    and earlier.status = 'pending' and earlier.id < d.id)
			order by d.next_attempt_at, d.id
			limit ?
			for update of d skip locked""";

	private final JdbcTemplate jdbc;

	private final Backoff backoff;

	private final int maxAttempts;

	DeliveryLedger(JdbcTemplate jdbc, Backoff backoff, int maxAttempts) {
		this.jdbc = jdbc;
		this.backoff = backoff;
		this.maxAttempts = maxAttempts;
	}

	List<PendingDelivery> claimDue(Instant now, int limit) {
		return this.jdbc.query(CLAIM, (row, number) -> PendingDelivery.of(row), Timestamp.from(now), limit);
	}

	/**
	 * Records the attempt and what follows from it: delivered; the listener disabled when
	 * it answered 410 Gone; dead after the last attempt; otherwise due again when the
	 * listener's {@code Retry-After} or the backoff says.
	 */
	void record(PendingDelivery delivery, DeliveryOutcome outcome, Instant started, Instant now) {
		long id = delivery.id();
		// Naming the event's month, each statement reaches one partition.
		Timestamp month = Timestamp.from(delivery.committedAt());
		int attempts = delivery.attempts() + 1;
		this.jdbc.update("""
				insert into delivery_attempt (delivery_id, event_created_at, number, at, status_code, latency_ms, error)
				select ?, ?, count(*) + 1, ?, ?, ?, ? from delivery_attempt
				where delivery_id = ? and event_created_at = ?""", id, month, Timestamp.from(started),
				outcome.statusCode(), outcome.latencyMillis(), outcome.error(), id, month);
		if (outcome.delivered()) {
			this.jdbc.update("""
					update event_delivery set status = 'delivered', attempts = ?, delivered_at = ?
					where id = ? and event_created_at = ?""", attempts, Timestamp.from(now), id, month);
		}
		else if (outcome.gone()) {
			log.warn("Listener {} answered 410 Gone; it is disabled", delivery.listenerId());
			this.jdbc.update("update hub_listener set status = 'disabled' where id = ?", delivery.listenerId());
			this.jdbc.update("update event_delivery set status = 'dead' where listener_id = ? and status = 'pending'",
					delivery.listenerId());
			this.jdbc.update("update event_delivery set attempts = ? where id = ? and event_created_at = ?", attempts,
					id, month);
		}
		else if (attempts >= this.maxAttempts) {
			this.jdbc.update(
					"update event_delivery set status = 'dead', attempts = ? where id = ? and event_created_at = ?",
					attempts, id, month);
		}
		else {
			Instant next = now
				.plus((outcome.retryAfter() != null) ? outcome.retryAfter() : this.backoff.delay(attempts));
			this.jdbc.update(
					"update event_delivery set attempts = ?, next_attempt_at = ? where id = ? and event_created_at = ?",
					attempts, Timestamp.from(next), id, month);
		}
	}

	long backlog() {
		Long pending = this.jdbc.queryForObject("select count(*) from event_delivery where status = 'pending'",
				Long.class);
		return (pending != null) ? pending : 0;
	}

}
