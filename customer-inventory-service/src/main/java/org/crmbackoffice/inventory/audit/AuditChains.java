package org.crmbackoffice.inventory.audit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends entries to a chain. Moving the chain's head row locks it for the rest of the
 * transaction, so appends to one chain are serialised across all instances of the
 * service, and sequence and previous hash always follow on from what is committed; a
 * transaction that rolls back takes its entries and the head's move with it.
 */
@Component
class AuditChains {

	/** Reads: purged after the retention period. */
	static final String ACCESS = "access";

	/** Creates, changes, erasures and exports: kept for good. */
	static final String CHANGE = "change";

	/**
	 * One statement for a whole batch and the head's move, and only if the head is where
	 * the batch was hashed to follow on from: the columns as arrays, unnested into rows.
	 * Reads wait for their entries to commit, so every round trip saved here is time off
	 * each read.
	 */
	private static final String APPEND = """
			with head as (
			    update audit_chain set last_sequence = ?, last_hash = ?
			    where chain = ? and last_sequence = ? and last_hash is not distinct from ?
			    returning chain)
			insert into audit_entry (chain, sequence, occurred_at, principal, client_id, roles, operation, record_id,
			                         via, request_id, source_address, purpose, changes, previous_hash, hash)
			select head.chain, entry.*
			from head, unnest(?::bigint[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[],
			                  ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as entry""";

	private static final int COLUMNS = 14;

	private final JdbcTemplate jdbc;

	/**
	 * Each chain's head as this instance last committed it: where its next append most
	 * likely follows on.
	 */
	private final Map<String, Head> knownHeads = new ConcurrentHashMap<>();

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

	/**
	 * Appends after the head this instance last committed, which saves locking and
	 * reading the head first; when another transaction or instance moved the head
	 * meanwhile, nothing is written and the append starts again from the head read under
	 * its lock.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void append(String chain, List<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		Head known = this.knownHeads.get(chain);
		Head appended = (known != null) ? appendAfter(chain, known, entries) : null;
		if (appended == null) {
			Map<String, Object> locked = this.jdbc
				.queryForMap("select last_sequence, last_hash from audit_chain where chain = ? for update", chain);
			appended = appendAfter(chain,
					new Head(((Number) locked.get("last_sequence")).longValue(), (String) locked.get("last_hash")),
					entries);
			if (appended == null) {
				throw new IllegalStateException("The head of the " + chain + " chain moved while locked");
			}
		}
		Head committed = appended;
		Counter written = chain.equals(ACCESS) ? this.accessWritten : this.changeWritten;
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				written.increment(entries.size());
				AuditChains.this.knownHeads.put(chain, committed);
			}
		});
	}

	/**
	 * @return the chain's new head, or {@code null} when its head is no longer
	 * {@code head}
	 */
	private Head appendAfter(String chain, Head head, List<AuditEntry> entries) {
		long sequence = head.sequence();
		String previous = head.hash();
		int size = entries.size();
		Object[][] columns = new Object[COLUMNS][size];
		for (int i = 0; i < size; i++) {
			AuditEntry entry = entries.get(i);
			sequence++;
			String hash = EntryHash.of(chain, sequence, entry, previous);
			Object[] row = { sequence, entry.occurredAt().toString(), entry.principal(), entry.clientId(),
					entry.roles(), entry.operation(), entry.recordId().toString(), entry.via(), entry.requestId(),
					entry.sourceAddress(), entry.purpose(), entry.changes(), previous, hash };
			for (int column = 0; column < COLUMNS; column++) {
				columns[column][i] = row[column];
			}
			previous = hash;
		}
		Head next = new Head(sequence, previous);
		int inserted = this.jdbc.update(APPEND, (statement) -> {
			statement.setLong(1, next.sequence());
			statement.setString(2, next.hash());
			statement.setString(3, chain);
			statement.setLong(4, head.sequence());
			statement.setString(5, head.hash());
			statement.setArray(6, statement.getConnection().createArrayOf("bigint", columns[0]));
			for (int column = 1; column < COLUMNS; column++) {
				statement.setArray(column + 6, statement.getConnection().createArrayOf("text", columns[column]));
			}
		});
		return (inserted == size) ? next : null;
	}

	/** Where a chain ends: the sequence and hash of its last entry. */
	private record Head(long sequence, String hash) {
	}

}
