package org.crmbackoffice.support.hub;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.crmbackoffice.model.event.Delivery;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** Shows what was delivered to whom, and sends one delivery again. */
public class Deliveries {

	private static final String SELECT = """
			select d.id, d.listener_id, o.event_id, o.event_type, d.subject_id, d.status, d.attempts, d.next_attempt_at,
			       d.created_at, d.delivered_at
			from event_delivery d join event_outbox o on o.id = d.event_id and o.created_at = d.event_created_at""";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	Deliveries(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Newest first, optionally of one listener and in one status. */
	@Transactional(readOnly = true)
	public Page<Delivery> list(String hubId, String status, Pageable page) {
		List<Object> arguments = new ArrayList<>();
		StringBuilder where = new StringBuilder(" where true");
		if (hubId != null) {
			where.append(" and d.listener_id::text = ?");
			arguments.add(hubId);
		}
		if (status != null) {
			where.append(" and d.status = ?");
			arguments.add(status);
		}
		Long total = this.jdbc.queryForObject("select count(*) from event_delivery d" + where, Long.class,
				arguments.toArray());
		arguments.add(page.getPageSize());
		arguments.add(page.getOffset());
		List<Delivery> found = this.jdbc.query(SELECT + where + " order by d.id desc limit ? offset ?",
				(row, number) -> deliveryOf(row, List.of()), arguments.toArray());
		return new PageImpl<>(found, page, (total != null) ? total : 0);
	}

	@Transactional(readOnly = true)
	public Delivery get(long id) {
		List<Delivery.Attempt> attempts = this.jdbc
			.query("""
					select number, at, status_code, latency_ms, error from delivery_attempt
					where delivery_id = ? order by number""",
					(row, number) -> new Delivery.Attempt(row.getInt("number"), row.getTimestamp("at").toInstant(),
							(Integer) row.getObject("status_code"), row.getLong("latency_ms"), row.getString("error")),
					id);
		return this.jdbc.query(SELECT + " where d.id = ?", (row, number) -> deliveryOf(row, attempts), id)
			.stream()
			.findFirst()
			.orElseThrow(() -> ApiProblemException.notFound("delivery", Long.toString(id)));
	}

	/**
	 * Owes the event to its listener again, from now, with a fresh series of tries; the
	 * earlier attempts stay on record. The listener's later events about the same subject
	 * wait for it, to keep their order.
	 */
	@Transactional
	public Delivery redeliver(long id) {
		requireActive(get(id).hubId());
		this.jdbc.update("update event_delivery set status = 'pending', attempts = 0, next_attempt_at = ? where id = ?",
				Timestamp.from(this.clock.instant()), id);
		return get(id);
	}

	/**
	 * Owes a listener every dead letter again, as {@link #redeliver} does for one: after
	 * an outage longer than the retries, once the listener is back.
	 * @param createdSince only the events published at or after this time; all when null
	 * @return how many
	 * @throws ApiProblemException 404 for an unknown listener, 409 for one that is not
	 * active
	 */
	@Transactional
	public int redeliverDead(String hubId, Instant createdSince) {
		requireActive(hubId);
		return this.jdbc.update("""
				update event_delivery set status = 'pending', attempts = 0, next_attempt_at = ?
				where listener_id::text = ? and status = 'dead' and created_at >= ?""",
				Timestamp.from(this.clock.instant()), hubId,
				Timestamp.from((createdSince != null) ? createdSince : Instant.EPOCH));
	}

	/**
	 * @throws ApiProblemException 404 for an unknown listener, 409 for one that is not
	 * active and so would never receive what is owed to it
	 */
	private void requireActive(String hubId) {
		List<String> status = this.jdbc.queryForList("select status from hub_listener where id::text = ?", String.class,
				hubId);
		if (status.isEmpty()) {
			throw ApiProblemException.notFound("hub", hubId);
		}
		if (!"active".equals(status.get(0))) {
			throw new ApiProblemException(ProblemType.CONFLICT,
					"The listener is " + status.get(0) + "; register it again to receive events.");
		}
	}

	private static Delivery deliveryOf(ResultSet row, List<Delivery.Attempt> attempts) throws SQLException {
		return new Delivery(row.getLong("id"), row.getString("listener_id"), row.getString("event_id"),
				row.getString("event_type"), row.getString("subject_id"), row.getString("status"),
				row.getInt("attempts"), instant(row.getTimestamp("next_attempt_at")),
				instant(row.getTimestamp("created_at")), instant(row.getTimestamp("delivered_at")), attempts);
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
