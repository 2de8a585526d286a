package org.crmbackoffice.support.hub;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
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
	 * deliveries can be posted at once. That question is a subquery with a limit, not
	 * {@code not exists}: as an anti-join the planner read the listener's whole backlog
	 * for every candidate, ten times the cost with a few thousand deliveries owed.
	 * {@code SKIP LOCKED} lets any number of dispatchers on any number of instances claim
	 * without taking one delivery twice.
	 */
	private static final String CLAIM = """
			with due as (
			    select d.id, d.event_created_at, d.next_attempt_at
			    from hub_listener l
			    cross join lateral (
			        select d.id, d.event_created_at, d.next_attempt_at from event_delivery d
			        where d.listener_id = l.id and d.status = 'pending' and d.next_attempt_at <= ?
			          and (select earlier.id from event_delivery earlier
			               where earlier.listener_id = l.id and earlier.subject_id = d.subject_id
			                 and earlier.status = 'pending' and earlier.id < d.id
			               limit 1) is null
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
	 * A batch of outcomes in one statement, each for a delivery not claimed again since
	 * (its attempt count still the claim's): what follows from it for a delivery still
	 * owed (delivered, dead, or due again at the given time), and the attempt's record,
	 * numbered after those before it (a redelivery starts the count again, the record
	 * does not). One statement rather than one per outcome, since planning a statement
	 * over the monthly partitions costs more than its work.
	 */
	private static final String RECORD = """
			with outcome (id, event_created_at, attempt, started, status_code, latency_ms, error, status, delivered_at,
			              next_attempt_at) as (
			    select * from unnest(cast(? as bigint[]), cast(cast(? as text[]) as timestamptz[]), cast(? as int[]),
			                         cast(cast(? as text[]) as timestamptz[]), cast(? as int[]), cast(? as bigint[]),
			                         cast(? as text[]), cast(? as text[]), cast(cast(? as text[]) as timestamptz[]),
			                         cast(cast(? as text[]) as timestamptz[]))),
			current as (
			    select o.* from outcome o
			    join event_delivery d on d.id = o.id and d.event_created_at = o.event_created_at
			     and d.attempts = o.attempt),
			followed as (
			    update event_delivery d
			    set status = c.status, delivered_at = c.delivered_at,
			        next_attempt_at = coalesce(c.next_attempt_at, d.next_attempt_at)
			    from current c
			    where d.id = c.id and d.event_created_at = c.event_created_at and d.status = 'pending')
			insert into delivery_attempt (delivery_id, event_created_at, number, at, status_code, latency_ms, error)
			select c.id, c.event_created_at,
			       coalesce((select max(a.number) from delivery_attempt a
			                 where a.delivery_id = c.id and a.event_created_at = c.event_created_at), 0) + 1,
			       c.started, c.status_code, c.latency_ms, c.error
			from current c""";

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
		int size = attempts.size();
		Long[] ids = new Long[size];
		String[] months = new String[size];
		Integer[] numbers = new Integer[size];
		String[] started = new String[size];
		Integer[] statusCodes = new Integer[size];
		Long[] latencies = new Long[size];
		String[] errors = new String[size];
		String[] statuses = new String[size];
		String[] deliveredAt = new String[size];
		String[] nextAttemptAt = new String[size];
		for (int i = 0; i < size; i++) {
			Attempt attempt = attempts.get(i);
			PendingDelivery delivery = attempt.delivery();
			DeliveryOutcome outcome = attempt.outcome();
			ids[i] = delivery.id();
			// Naming the event's month, each delivery is looked for in one partition.
			months[i] = delivery.committedAt().toString();
			numbers[i] = delivery.attempt();
			started[i] = attempt.started().toString();
			statusCodes[i] = outcome.statusCode();
			latencies[i] = outcome.latencyMillis();
			errors[i] = outcome.error();
			if (outcome.gone()) {
				log.warn("Listener {} answered 410 Gone; it is disabled", delivery.listenerId());
				this.jdbc.update("update hub_listener set status = 'disabled' where id = ?", delivery.listenerId());
				this.jdbc.update(
						"update event_delivery set status = 'dead' where listener_id = ? and status = 'pending'",
						delivery.listenerId());
				statuses[i] = "dead";
			}
			else if (outcome.delivered()) {
				statuses[i] = "delivered";
				deliveredAt[i] = attempt.finished().toString();
			}
			else if (delivery.attempt() >= this.maxAttempts) {
				statuses[i] = "dead";
			}
			else {
				statuses[i] = "pending";
				nextAttemptAt[i] = attempt.finished()
					.plus((outcome.retryAfter() != null) ? outcome.retryAfter()
							: this.backoff.delay(delivery.attempt()))
					.toString();
			}
		}
		this.jdbc.update(RECORD, (statement) -> {
			Connection connection = statement.getConnection();
			statement.setArray(1, connection.createArrayOf("bigint", ids));
			statement.setArray(2, connection.createArrayOf("text", months));
			statement.setArray(3, connection.createArrayOf("int4", numbers));
			statement.setArray(4, connection.createArrayOf("text", started));
			statement.setArray(5, connection.createArrayOf("int4", statusCodes));
			statement.setArray(6, connection.createArrayOf("bigint", latencies));
			statement.setArray(7, connection.createArrayOf("text", errors));
			statement.setArray(8, connection.createArrayOf("text", statuses));
			statement.setArray(9, connection.createArrayOf("text", deliveredAt));
			statement.setArray(10, connection.createArrayOf("text", nextAttemptAt));
		});
	}

	/**
	 * Gives up the listener's deliveries that have been due since before
	 * {@code dueBefore} without being tried: they waited behind its open circuit.
	 * @return how many became dead letters
	 */
	int giveUpWaiting(UUID listener, Instant dueBefore) {
		return this.jdbc.update("""
				update event_delivery set status = 'dead'
				where listener_id = ? and status = 'pending' and next_attempt_at < ?""", listener,
				Timestamp.from(dueBefore));
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
