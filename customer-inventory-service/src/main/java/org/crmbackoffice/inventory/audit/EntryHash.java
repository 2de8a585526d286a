package org.crmbackoffice.inventory.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The hash that chains an entry to its predecessor: SHA-256, in lower-case hex, of the
 * entry's canonical form. That form is every field in a fixed order, each written as its
 * length, a colon and its text, or as {@code ~} when absent, so that no two different
 * entries share it and anyone can recompute it from an export.
 */
final class EntryHash {

	/** The previous hash of a chain's first entry. */
	static final String GENESIS = "0".repeat(64);

	private static final String VERSION = "crm-audit-1";

	private EntryHash() {
	}

	static String of(String chain, long sequence, AuditEntry entry, String previousHash) {
		StringBuilder canonical = new StringBuilder(256);
		for (Object field : new Object[] { VERSION, chain, sequence, micros(entry.occurredAt()), entry.principal(),
				entry.clientId(), entry.roles(), entry.operation(), entry.recordId(), entry.via(), entry.requestId(),
				entry.sourceAddress(), entry.purpose(), entry.changes(), previousHash }) {
			if (field == null) {
				canonical.append('~');
			}
			else {
				String text = (field instanceof UUID id) ? id.toString() : String.valueOf(field);
				canonical.append(text.length()).append(':').append(text);
			}
		}
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** PostgreSQL keeps microseconds: the time is hashed as it will be read back. */
	static Instant stored(Instant time) {
		return time.truncatedTo(ChronoUnit.MICROS);
	}

	private static long micros(Instant time) {
		return ChronoUnit.MICROS.between(Instant.EPOCH, time);
	}

}
