package org.crmbackoffice.inventory.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trail as auditors query it: filtered, in the order things happened, a page at a
 * time or as a stream.
 */
@Component
class AuditEntries {

	private static final String COLUMNS = """
			id, chain, sequence, occurred_at, principal, client_id, roles, operation, record_id, via, request_id,
			source_address, purpose, changes, previous_hash, hash""";

	private static final int FETCH_SIZE = 500;

	private final JdbcTemplate jdbc;

	private final JdbcTemplate streaming;

	private final TransactionTemplate readOnly;

	private final JsonMapper json;

	AuditEntries(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions, JsonMapper json) {
		this.jdbc = jdbc;
		// With a fetch size, inside a transaction, PostgreSQL hands the rows over in
		// slices: an export of any
		// length holds one slice in memory.
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(FETCH_SIZE);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.json = json;
	}

	long count(Query query) {
		Long total = this.jdbc.queryForObject("select count(*) from audit_entry" + query.where(), Long.class,
				query.arguments());
		return (total != null) ? total : 0;
	}

	List<Entry> page(Query query, long offset, int limit) {
		Object[] arguments = Arrays.copyOf(query.arguments(), query.arguments().length + 2);
		arguments[arguments.length - 2] = limit;
		arguments[arguments.length - 1] = offset;
		return this.jdbc.query("select " + COLUMNS + " from audit_entry" + query.where()
				+ " order by occurred_at, id limit ? offset ?", (row, number) -> entryOf(row), arguments);
	}

	/**
	 * Hands every matching entry to the consumer, oldest first, without holding them all.
	 */
	void stream(Query query, Consumer<Entry> consumer) {
		this.readOnly.executeWithoutResult((status) -> this.streaming.query(
				"select " + COLUMNS + " from audit_entry" + query.where() + " order by occurred_at, id",
				(ResultSet row) -> consumer.accept(entryOf(row)), query.arguments()));
	}

	private Entry entryOf(ResultSet row) throws SQLException {
		String changes = row.getString("changes");
		String roles = row.getString("roles");
		return new Entry(row.getLong("id"), row.getString("chain"), row.getLong("sequence"),
				row.getTimestamp("occurred_at").toInstant(), row.getString("principal"), row.getString("client_id"),
				roles.isEmpty() ? List.of() : List.of(roles.split(",")), row.getString("operation"),
				row.getObject("record_id", UUID.class), row.getString("via"), row.getString("request_id"),
				row.getString("source_address"), row.getString("purpose"),
				(changes != null) ? this.json.readTree(changes) : null, row.getString("previous_hash"),
				row.getString("hash"));
	}

	/**
	 * Which entries an auditor asks for; every criterion given must hold.
	 *
	 * @param from entries at or after this time
	 * @param to entries before this time
	 */
	record Query(UUID recordId, String principal, String clientId, String operation, Instant from, Instant to) {

		String where() {
			List<String> conditions = new ArrayList<>();
			if (this.recordId != null) {
				conditions.add("record_id = ?");
			}
			if (this.principal != null) {
				conditions.add("principal = ?");
			}
			if (this.clientId != null) {
				conditions.add("client_id = ?");
			}
			if (this.operation != null) {
				conditions.add("operation = ?");
			}
			if (this.from != null) {
				conditions.add("occurred_at >= ?");
			}
			if (this.to != null) {
				conditions.add("occurred_at < ?");
			}
			return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		}

		Object[] arguments() {
			List<Object> arguments = new ArrayList<>();
			if (this.recordId != null) {
				arguments.add(this.recordId);
			}
			if (this.principal != null) {
				arguments.add(this.principal);
			}
			if (this.clientId != null) {
				arguments.add(this.clientId);
			}
			if (this.operation != null) {
				arguments.add(this.operation);
			}
			if (this.from != null) {
				arguments.add(Timestamp.from(this.from));
			}
			if (this.to != null) {
				arguments.add(Timestamp.from(this.to));
			}
			return arguments.toArray();
		}

	}

	/**
	 * One entry of the trail as auditors see it.
	 *
	 * @param chain {@code access} for reads, {@code change} for writes and downloads
	 * @param sequence its place in its chain
	 * @param recordId the customer whose record was accessed
	 * @param via the part of the record accessed, e.g. {@code Agreement/<id>}
	 * @param changes what a write changed (see the README on personal data)
	 * @param hash SHA-256 over the entry and {@code previousHash}
	 */
	record Entry(long id, String chain, long sequence, Instant occurredAt, String principal, String clientId,
			List<String> roles, String operation, UUID recordId, String via, String requestId, String sourceAddress,
			String purpose, JsonNode changes, String previousHash, String hash) {
	}

}
