package org.crmbackoffice.support.hub;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

import org.crmbackoffice.support.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The deliveries as the database keeps them: which are due, and what each attempt came
 * to. A claim leases its deliveries instead of holding their locks: it counts the attempt
 * and moves the delivery's next attempt past the lease, then commits, so no transaction
 * stays open while listeners are called. An instance that stops before it records the
 * outcome leaves the delivery due again when the lease ends (at least once); the attempt
 * count taken at the claim tells a late outcome from a newer claim's.
 */
class DeliveryLedger {

	private static final Logger log = LoggerFactory.getLogger(DeliveryLedger.class);

	/**
	 * Each listener's due deliveries in due order, up to what that listener may still
	 * take ({@code busy} is a JSON object of listener id to deliveries in flight), so a
	 * listener's backlog never takes another's turn. A delivery is due only when no older
	 * one about the same subject is still owed to the same listener, leased ones
	 * included: each listener gets one subject's events in order, and a claim's
	 * deliveries can be posted at once. {@code SKIP LOCKED} lets any number of
	 * dispatchers on any number of instances claim without taking one delivery twice.
	 */
	private static final String CLAIM = """
			with due as (
			    select d.id, d.event_created_at, d.next_attempt_at
			    from hub_listener l
			    cross join lateral (
			        select d.id, d.event_created_at, d.next_attempt_at from event_delivery d
			        where d.listener_id = l.id and d.status = 'pending' and d.next_attempt_at <= ?
			          and not exists (select 1 from event_delivery earlier
			                          where earlier.listener_id = d.listener_id and earlier.subject_id = d.subject_id
			                            and earlier.status = 'pending' and earlier.id < d.id)
			        order by d.next_attempt_at, d.id
			        limit greatest(? - coalesce((cast(? as jsonb) ->> l.id::text)::int, 0), 0)
			        for update of d skip locked) d
			    order by d.next_attempt_at, d.id
			    limit ?)
			update event_delivery d set attempts = d.attempts + 1, next_attempt_at = ?
			from due, event_outbox o, hub_listener l
			where d.id = due.id and d.event_created_at = due.event_created_at
			  and o.id = d.event_id and o.created_at = d.event_created_at and l.id = d.listener_id
			returning d.id, d.attempts, o.event_id, o.payload, o.created_at, l.id as listener_id, l.callback, l.secret,
			          l.previous_secret, l.previous_secret_until, o.trace_parent""";

	/**
	 * The attempt's record, numbered after those before it (a redelivery starts its count
	 * again, the record does not), unless a newer claim has taken the delivery since.
	 */
	private static final String RECORD_ATTEMPT = """
			insert into delivery_attempt (delivery_id, event_created_at, number, at, status_code, latency_ms, error)
			select ?, ?, count(*) + 1, ?, ?, ?, ? from delivery_attempt
			where delivery_id = ? and event_created_at = ?
			having exists (select 1 from event_delivery where id = ? and event_created_at = ? and attempts = ?)""";

	/**
	 * What follows from the attempt, for a delivery still owed and not claimed again
	 * since: delivered, dead, or due again at the given time.
	 */
	private static final String RECORD_OUTCOME = """
			update event_delivery
			set status = ?, delivered_at = ?, next_attempt_at = coalesce(?, next_attempt_at)
			where id = ? and event_created_at = ? and attempts = ? and status = 'pending'""";

	private final JdbcTemplate jdbc;

	private final Backoff backoff;

	private final int maxAttempts;

	DeliveryLedger(JdbcTemplate jdbc, Backoff backoff, int maxAttempts) {
		this.jdbc = jdbc;
		this.backoff = backoff;
		this.maxAttempts = maxAttempts;
	}

	/**
	 * Claims due deliveries and leases them until {@code leaseUntil}.
	 * @param perListener the deliveries one listener may have in flight
	 * @param busy the deliveries each listener has in flight already
	 * @param limit the most deliveries to claim
	 */
	List<PendingDelivery> claimDue(Instant now, Instant leaseUntil, int perListener, Map<UUID, Integer> busy,
			int limit) {
		StringJoiner busyJson = new StringJoiner(",", "{", "}");
		busy.forEach((listener, count) -> busyJson.add("\"" + listener + "\":" + count));
		return this.jdbc.query(CLAIM, (row, number) -> PendingDelivery.of(row), Timestamp.from(now), perListener,
				busyJson.toString(), limit, Timestamp.from(leaseUntil));
	}

	/**
	 * Records attempts and what follows from each: delivered; the listener disabled when
	 * it answered 410 Gone; dead after the last attempt; otherwise due again when the
	 * listener's {@code Retry-After} or the backoff says. An outcome that comes after its
	 * lease was taken over by a newer claim is left out.
	 */
	void record(List<Attempt> attempts) {
		List<Object[]> records = new ArrayList<>(attempts.size());
		List<Object[]> outcomes = new ArrayList<>(attempts.size());
		for (Attempt attempt : attempts) {
			PendingDelivery delivery = attempt.delivery();
			DeliveryOutcome outcome = attempt.outcome();
			// Naming the event's month, each statement reaches one partition.
			Timestamp month = Timestamp.from(delivery.committedAt());
			records.add(new Object[] { delivery.id(), month, Timestamp.from(attempt.started()), outcome.statusCode(),
					outcome.latencyMillis(), outcome.error(), delivery.id(), month, delivery.id(), month,
					delivery.attempt() });
			if (outcome.gone()) {
				log.warn("Listener {} answered 410 Gone; it is disabled", delivery.listenerId());
				this.jdbc.update("update hub_listener set status = 'disabled' where id = ?", delivery.listenerId());
				this.jdbc.update(
						"update event_delivery set status = 'dead' where listener_id = ? and status = 'pending'",
						delivery.listenerId());
			}
			else if (outcome.delivered()) {
				outcomes.add(new Object[] { "delivered", Timestamp.from(attempt.finished()), null, delivery.id(), month,
						delivery.attempt() });
			}
			else if (delivery.attempt() >= this.maxAttempts) {
				outcomes.add(new Object[] { "dead", null, null, delivery.id(), month, delivery.attempt() });
			}
			else {
				Instant next = attempt.finished()
					.plus((outcome.retryAfter() != null) ? outcome.retryAfter()
							: this.backoff.delay(delivery.attempt()));
				outcomes.add(new Object[] { "pending", null, Timestamp.from(next), delivery.id(), month,
						delivery.attempt() });
			}
		}
		this.jdbc.batchUpdate(RECORD_ATTEMPT, records);
		this.jdbc.batchUpdate(RECORD_OUTCOME, outcomes);
	}

	long backlog() {
		Long pending = this.jdbc.queryForObject("select count(*) from event_delivery where status = 'pending'",
				Long.class);
		return (pending != null) ? pending : 0;
	}

	/**
	 * One attempt to deliver, made between {@code started} and {@code finished}.
	 */
	record Attempt(PendingDelivery delivery, DeliveryOutcome outcome, Instant started, Instant finished) {
	}

}
