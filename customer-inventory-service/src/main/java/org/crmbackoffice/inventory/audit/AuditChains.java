package org.crmbackoffice.inventory.audit;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends entries to a chain. The chain's head row is locked for the rest of the transaction, so appends to one
 * chain are serialised across all instances of the service, and sequence and previous hash always follow on from
 * what is committed; a transaction that rolls back takes its entries and the head's move with it.
 */
@Component
class AuditChains {

	/** Reads: purged after the retention period. */
	static final String ACCESS = "access";

	/** Creates, changes, erasures and exports: kept for good. */
	static final String CHANGE = "change";

	/**
	 * One statement for a whole batch and the head's move: the columns as arrays, unnested into rows. Reads wait
	 * for their entries to commit, so every round trip saved here is time off each read.
	 */
	private static final String APPEND = """
			with appended as (
			    insert into audit_entry (chain, sequence, occurred_at, principal, client_id, roles, operation,
			                             record_id, via, request_id, source_address, purpose, changes, previous_hash,
			                             hash)
			    select ?, * from unnest(?::bigint[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[],
			                            ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
			                            ?::text[]))
			update audit_chain set last_sequence = ?, last_hash = ? where chain = ?""";

	private static final int COLUMNS = 14;

	private final JdbcTemplate jdbc;

	private final Counter accessWritten;

	private final Counter changeWritten;

	AuditChains(JdbcTemplate jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.accessWritten = written(meters, ACCESS);
		this.changeWritten = written(meters, CHANGE);
	}

	private static Counter written(MeterRegistry meters, String chain) {
		return Counter.builder("crm.audit.entries.written")
			.description("Audit trail entries committed by this instance")
			.tag("chain", chain)
			.register(meters);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void append(String chain, List<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		Map<String, Object> head = this.jdbc.queryForMap(
				"select last_sequence, last_hash from audit_chain where chain = ? for update", chain);
		long sequence = ((Number) head.get("last_sequence")).longValue();
		String previous = (String) head.get("last_hash");
		int size = entries.size();
		Object[][] columns = new Object[COLUMNS][size];
		for (int i = 0; i < size; i++) {
			AuditEntry entry = entries.get(i);
			sequence++;
			String hash = EntryHash.of(chain, sequence, entry, previous);
			Object[] row = { sequence, entry.occurredAt().toString(), entry.principal(), entry.clientId(), entry.roles(),
					entry.operation(), entry.recordId().toString(), entry.via(), entry.requestId(),
					entry.sourceAddress(), entry.purpose(), entry.changes(), previous, hash };
			for (int column = 0; column < COLUMNS; column++) {
				columns[column][i] = row[column];
			}
			previous = hash;
		}
		long last = sequence;
		String lastHash = previous;
		this.jdbc.update(APPEND, (statement) -> {
			statement.setString(1, chain);
			statement.setArray(2, statement.getConnection().createArrayOf("bigint", columns[0]));
			for (int column = 1; column < COLUMNS; column++) {
				statement.setArray(column + 2, statement.getConnection().createArrayOf("text", columns[column]));
			}
			statement.setLong(COLUMNS + 2, last);
			statement.setString(COLUMNS + 3, lastHash);
			statement.setString(COLUMNS + 4, chain);
		});
		Counter written = chain.equals(ACCESS) ? this.accessWritten : this.changeWritten;
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				written.increment(size);
			}
		});
	}

}
