package org.crmbackoffice.inventory.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes each chain from its start, or from its latest purge checkpoint, and reports
 * the first link that does not hold: a sequence number missing or out of place, an entry
 * that does not name its predecessor's hash, an entry whose content no longer matches its
 * own hash, or a chain head that names an entry that is gone. It reads one consistent
 * snapshot, so entries appended meanwhile do not disturb it.
 */
@Component
class ChainVerifier {

	private static final String ENTRIES = """
			select id, sequence, occurred_at, principal, client_id, roles, operation, record_id, via, request_id,
			       source_address, purpose, changes, previous_hash, hash
			from audit_entry where chain = ? and sequence > ? order by sequence""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate snapshot;

	ChainVerifier(DataSource dataSource, PlatformTransactionManager transactions) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.jdbc.setFetchSize(1000);
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	Verification verify() {
		return this.snapshot.execute((status) -> {
			List<ChainState> chains = new ArrayList<>();
			long checked = 0;
			for (String chain : List.of(AuditChains.CHANGE, AuditChains.ACCESS)) {
				ChainState state = verify(chain);
				chains.add(state);
				checked += state.entriesChecked();
				if (state.brokenLink() != null) {
					return new Verification(Verification.BROKEN, checked, chains, state.brokenLink());
				}
			}
			return new Verification(Verification.OK, checked, chains, null);
		});
	}

	private ChainState verify(String chain) {
		List<Map<String, Object>> checkpoint = this.jdbc.queryForList(
				"select sequence, hash from audit_checkpoint where chain = ? order by sequence desc limit 1", chain);
		long start = checkpoint.isEmpty() ? 0 : ((Number) checkpoint.get(0).get("sequence")).longValue();
		String startHash = checkpoint.isEmpty() ? EntryHash.GENESIS : (String) checkpoint.get(0).get("hash");
		Map<String, Object> head = this.jdbc
			.queryForMap("select last_sequence, last_hash from audit_chain where chain = ?", chain);
		Walk walk = this.jdbc.query(ENTRIES, (ResultSetExtractor<Walk>) (rows) -> walk(chain, rows, start, startHash),
				chain, start);
		if (walk.broken() == null) {
			long headSequence = ((Number) head.get("last_sequence")).longValue();
			if (headSequence != walk.lastSequence() || !head.get("last_hash").equals(walk.lastHash())) {
				return new ChainState(chain, start, walk.checked(), walk.lastSequence(),
						new BrokenLink(chain, null, walk.lastSequence() + 1,
								"the chain's head names entry " + headSequence + ", but the last entry present is "
										+ walk.lastSequence() + ": entries at its end are missing or were replaced"));
			}
		}
		return new ChainState(chain, start, walk.checked(), walk.lastSequence(), walk.broken());
	}

	private static Walk walk(String chain, ResultSet rows, long start, String startHash) throws SQLException {
		long expected = start + 1;
		String previous = startHash;
		long checked = 0;
		while (rows.next()) {
			long id = rows.getLong("id");
			long sequence = rows.getLong("sequence");
			if (sequence != expected) {
				return new Walk(checked, expected - 1, previous, new BrokenLink(chain, id, sequence,
						"entry " + expected + " is missing: the entry after " + (expected - 1) + " is " + sequence));
			}
			String previousHash = rows.getString("previous_hash");
			if (!previousHash.equals(previous)) {
				return new Walk(checked, expected - 1, previous, new BrokenLink(chain, id, sequence,
						"its previous hash does not match the hash of the entry before it"));
			}
			AuditEntry entry = new AuditEntry(rows.getTimestamp("occurred_at").toInstant(), rows.getString("principal"),
					rows.getString("client_id"), rows.getString("roles"), rows.getString("operation"),
					rows.getObject("record_id", UUID.class), rows.getString("via"), rows.getString("request_id"),
					rows.getString("source_address"), rows.getString("purpose"), rows.getString("changes"));
			String hash = rows.getString("hash");
			if (!EntryHash.of(chain, sequence, entry, previousHash).equals(hash)) {
				return new Walk(checked, expected - 1, previous, new BrokenLink(chain, id, sequence,
						"its content does not match its hash: it was changed after it was written"));
			}
			checked++;
			previous = hash;
			expected++;
		}
		return new Walk(checked, expected - 1, previous, null);
	}

	private record Walk(long checked, long lastSequence, String lastHash, BrokenLink broken) {
	}

	/**
	 * @param status {@value #OK} when every link holds, else {@value #BROKEN}
	 * @param entriesChecked entries whose links held
	 * @param brokenLink the first link that does not hold
	 */
	record Verification(String status, long entriesChecked, List<ChainState> chains, BrokenLink brokenLink) {

		static final String OK = "ok";

		static final String BROKEN = "broken";

	}

	/**
	 * @param verifiedFrom the sequence the check started after: 0, or the last entry
	 * purged
	 */
	record ChainState(String chain, long verifiedFrom, long entriesChecked, long lastSequence, BrokenLink brokenLink) {
	}

	/**
	 * @param entryId the entry that does not link up; absent when the entry is missing
	 * altogether
	 */
	record BrokenLink(String chain, Long entryId, long sequence, String reason) {
	}

}
