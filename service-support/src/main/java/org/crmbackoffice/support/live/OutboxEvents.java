package org.crmbackoffice.support.live;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox as streams read it: the current shape of each event (v5, and the parties of
 * a service that serves them), in {@link StreamPosition} order, never past a transaction
 * that may still add an event behind what was read.
 * <p>
 * That bound is the oldest transaction still running in the snapshot of the read. Only
 * transactions of other databases on the same server are left out of it, known by
 * {@code pg_stat_activity}: they can never write this outbox, and a long load into
 * another database must not hold every stream back. A transaction of this database that
 * runs long delays the streams until it ends; it never makes them skip an event.
 */
class OutboxEvents {

	private static final String HORIZON = """
			with snapshot as (select pg_current_snapshot() as taken),
			horizon as (
			  select coalesce((select min(running) from pg_snapshot_xip(taken) running
			                   where not exists (select 1 from pg_stat_activity elsewhere
			                                     where elsewhere.datname <> current_database()
			                                       and elsewhere.backend_xid::text::bigint
			                                           = running::text::bigint % 4294967296)),
			                  pg_snapshot_xmax(taken)) as below
			  from snapshot)
			""";

	private static final String COLUMNS = """
			select o.transaction_id::text::bigint as transaction_id, o.id, o.payload, o.created_at
			from event_outbox o, horizon
			where o.transaction_id < horizon.below and o.api_version in ('v5', 'party-v5')
			""";

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	OutboxEvents(JdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * @param upTo the last position to read, or {@code null} for as far as the outbox is
	 * settled
	 */
	List<LiveEvent> after(StreamPosition from, StreamPosition upTo, int limit) {
		String bound = (upTo != null) ? "and (o.transaction_id, o.id) <= (?::text::xid8, ?) " : "";
		Object[] arguments = (upTo != null)
				? new Object[] { from.transactionId(), from.id(), upTo.transactionId(), upTo.id(), limit }
				: new Object[] { from.transactionId(), from.id(), limit };
		return this.jdbc.query(HORIZON + COLUMNS + "and (o.transaction_id, o.id) > (?::text::xid8, ?) " + bound
				+ "order by o.transaction_id, o.id limit ?", (row, number) -> {
					String payload = row.getString("payload");
					return new LiveEvent(new StreamPosition(row.getLong("transaction_id"), row.getLong("id")), payload,
							this.json.readTree(payload), row.getTimestamp("created_at").toInstant());
				}, arguments);
	}

	/** The last settled event's position: where a stream that asks for no past starts. */
	StreamPosition head() {
		List<StreamPosition> last = this.jdbc.query(
				HORIZON + COLUMNS + "order by o.transaction_id desc, o.id desc limit 1",
				(row, number) -> new StreamPosition(row.getLong("transaction_id"), row.getLong("id")));
		return last.isEmpty() ? StreamPosition.START : last.get(0);
	}

	/**
	 * When the event at a position was published, if the outbox still holds it: a client
	 * resumes only from an event that is still there to count from.
	 */
	Optional<Instant> publishedAt(StreamPosition position) {
		return this.jdbc
			.query("select created_at from event_outbox where id = ? and transaction_id = ?::text::xid8",
					(row, number) -> row.getTimestamp("created_at"), position.id(), position.transactionId())
			.stream()
			.findFirst()
			.map(Timestamp::toInstant);
	}

}
