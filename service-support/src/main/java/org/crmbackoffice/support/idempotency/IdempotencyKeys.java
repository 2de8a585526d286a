package org.crmbackoffice.support.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Remembers which record each {@code (caller, Idempotency-Key)} created. Keys belong to the caller that sent them,
 * so two clients cannot collide or see each other's results.
 */
public class IdempotencyKeys {

	public static final String HEADER = "Idempotency-Key";

	private static final int MAX_KEY_LENGTH = 200;

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final Clock clock;

	public IdempotencyKeys(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * The id of the record an earlier request with this key created, if there was one.
	 * @throws ApiProblemException {@code idempotency-key-reused} when the key came with a different body
	 */
	public Optional<String> previousResult(String caller, String key, Object request) {
		check(key);
		List<String[]> rows = this.jdbc.query(
				"select request_hash, resource_id from idempotency_key where caller = ? and idempotency_key = ?",
				(row, number) -> new String[] { row.getString(1), row.getString(2) }, caller, key);
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		if (!rows.get(0)[0].equals(fingerprint(request))) {
			throw new ApiProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, "The Idempotency-Key " + key
					+ " was first sent with a different request body. Use a new key for a new request.");
		}
		return Optional.of(rows.get(0)[1]);
	}

	/**
	 * Records the key with the record it created. Call it in the transaction that stores the record: a concurrent
	 * duplicate then fails on the key's primary key and its record is rolled back with it.
	 */
	public void remember(String caller, String key, Object request, String resourceId) {
		this.jdbc.update("insert into idempotency_key (caller, idempotency_key, request_hash, resource_id, created_at) "
				+ "values (?, ?, ?, ?, ?)", caller, key, fingerprint(request), resourceId,
				Timestamp.from(this.clock.instant()));
	}

	private static void check(String key) {
		if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
			throw new ApiProblemException(ProblemType.INVALID_REQUEST,
					"The Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters.");
		}
	}

	/** Hashes the parsed request, so that formatting and member order of the JSON do not matter. */
	private String fingerprint(Object request) {
		try {
			byte[] canonical = this.json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
