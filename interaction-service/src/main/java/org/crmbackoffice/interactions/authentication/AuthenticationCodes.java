package org.crmbackoffice.interactions.authentication;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-time codes of interactions, at most one usable per interaction: issuing a new
 * one replaces the last. Only a bcrypt hash of each is stored. A plain hash of six digits
 * is undone by trying the million of them; bcrypt makes that take longer than a code
 * lives, so that whoever reads the table cannot use the codes in it.
 */
@Component
class AuthenticationCodes {

	private final JdbcTemplate jdbc;

	private final SecureRandom random = new SecureRandom();

	private final BCryptPasswordEncoder hashes = new BCryptPasswordEncoder();

	AuthenticationCodes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	String newCode(int digits) {
		StringBuilder code = new StringBuilder(digits);
		for (int i = 0; i < digits; i++) {
			code.append(this.random.nextInt(10));
		}
		return code.toString();
	}

	/** Stores the code's hash in place of any earlier code of the interaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	void store(UUID interactionId, String code, String issuedBy, Instant issuedAt, Instant expiresAt, int maxAttempts) {
		this.jdbc.update("""
				insert into authentication_code (interaction_id, code_hash, issued_by, issued_at, expires_at,
				                                 failed_attempts, max_attempts)
				values (?, ?, ?, ?, ?, 0, ?)
				on conflict (interaction_id) do update
				set code_hash = excluded.code_hash, issued_by = excluded.issued_by, issued_at = excluded.issued_at,
				    expires_at = excluded.expires_at, failed_attempts = 0, max_attempts = excluded.max_attempts,
				    used_at = null, used_by = null""", interactionId, this.hashes.encode(code), issuedBy,
				Timestamp.from(issuedAt), Timestamp.from(expiresAt), maxAttempts);
	}

	/**
	 * The interaction's code, locked until the transaction ends, so that two attempts at
	 * once are counted one after the other and a code is used once.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<StoredCode> lock(UUID interactionId) {
		return this.jdbc
			.query("""
					select code_hash, issued_by, expires_at, failed_attempts, max_attempts, used_at
					from authentication_code where interaction_id = ? for update""",
					(row, number) -> new StoredCode(row.getString("code_hash"), row.getString("issued_by"),
							row.getTimestamp("expires_at").toInstant(), row.getInt("failed_attempts"),
							row.getInt("max_attempts"), row.getTimestamp("used_at") != null),
					interactionId)
			.stream()
			.findFirst();
	}

	boolean matches(String given, StoredCode stored) {
		return this.hashes.matches(given, stored.hash());
	}

	/**
	 * Counts a wrong code.
	 * @return the wrong attempts so far, this one included
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	int countWrongAttempt(UUID interactionId) {
		return this.jdbc.queryForObject("""
				update authentication_code set failed_attempts = failed_attempts + 1 where interaction_id = ?
				returning failed_attempts""", Integer.class, interactionId);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void use(UUID interactionId, String usedBy, Instant usedAt) {
		this.jdbc.update("update authentication_code set used_at = ?, used_by = ? where interaction_id = ?",
				Timestamp.from(usedAt), usedBy, interactionId);
	}

	/**
	 * A code as stored.
	 *
	 * @param used it was used once already
	 */
	record StoredCode(String hash, String issuedBy, Instant expiresAt, int failedAttempts, int maxAttempts,
			boolean used) {

		int remainingAttempts() {
			return Math.max(0, this.maxAttempts - this.failedAttempts);
		}

	}

}
