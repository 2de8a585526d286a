package org.crmbackoffice.inventory.customer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes audit-trail entries straight into an older schema, hashed the way the trail
 * documents its chain (each field as its length, a colon and its text, or {@code ~};
 * SHA-256 over them and the previous hash), as any independent verifier would compute it.
 */
final class HandWrittenTrail {

	private HandWrittenTrail() {
	}

	/**
	 * One {@code customer.create} entry per customer on the change chain, which starts
	 * empty.
	 */
	static void appendCreates(JdbcTemplate jdbc, String... customerIds) {
		String previous = "0".repeat(64);
		Instant at = Instant.parse("2026-01-05T09:30:00.123456Z");
		long sequence = 0;
		for (String customerId : customerIds) {
			sequence++;
			String changes = "[{\"field\":\"/name\",\"personal\":true}]";
			String hash = hash("crm-audit-1", "change", sequence, ChronoUnit.MICROS.between(Instant.EPOCH, at),
					"steward", "crm-frontend", "data_steward", "customer.create", customerId, null, null, null, null,
					changes, previous);
			jdbc.update("""
					insert into audit_entry (chain, sequence, occurred_at, principal, client_id, roles, operation,
					    record_id, changes, previous_hash, hash)
					values ('change', ?, ?, 'steward', 'crm-frontend', 'data_steward', 'customer.create', ?::uuid, ?, ?,
					    ?)""", sequence, Timestamp.from(at), UUID.fromString(customerId).toString(), changes, previous,
					hash);
			previous = hash;
			at = at.plusSeconds(1);
		}
		jdbc.update("update audit_chain set last_sequence = ?, last_hash = ? where chain = 'change'", sequence,
				previous);
	}

	private static String hash(Object... fields) {
		StringBuilder canonical = new StringBuilder();
		for (Object field : fields) {
			if (field == null) {
				canonical.append('~');
			}
			else {
				String text = String.valueOf(field);
				canonical.append(text.length()).append(':').append(text);
			}
		}
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
