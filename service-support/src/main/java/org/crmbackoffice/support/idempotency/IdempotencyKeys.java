package org.crmbackoffice.support.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Remembers which record each {@code (caller, Idempotency-Key)} created. Keys belong to
 * the caller that sent them, so two clients cannot collide or see each other's results.
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
	 * Creates a record at most once per caller and key. Call it in the transaction that
	 * stores the record: a repeat of the same request is answered from what the first one
	 * created, and a concurrent repeat fails on the key's primary key with a 409 (its
	 * transaction rolls back, and its client's retry gets the first result).
	 * @param key the request's {@code Idempotency-Key}, or {@code null} to simply create
	 * @param replay the answer for a repeat, from the id of the record the first request
	 * created
	 * @param create stores the record and answers with it
	 * @param idOf the id of the record an answer holds
	 */
	public <R> R createOnce(String caller, String key, Object request, Function<String, R> replay, Supplier<R> create,
			Function<R, String> idOf) {
		if (key == null) {
			return create.get();
		}
		Optional<String> previous = previousResult(caller, key, request);
		if (previous.isPresent()) {
			return replay.apply(previous.get());
		}
		R created = create.get();
		try {
			remember(caller, key, request, idOf.apply(created));
		}
		catch (DuplicateKeyException ex) {
			throw new ApiProblemException(ProblemType.CONFLICT, "A request with the same Idempotency-Key is being "
					+ "handled right now. Repeat this one to get its result.");
		}
		return created;
	}

	/**
	 * The id of the record an earlier request with this key created, if there was one.
	 * @throws ApiProblemException {@code idempotency-key-reused} when the key came with a
	 * different body
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
	 * Records the key with the record it created. Call it in the transaction that stores
	 * the record: a concurrent duplicate then fails on the key's primary key and its
	 * record is rolled back with it.
	 */
	public void remember(String caller, String key, Object request, String resourceId) {
		this.jdbc.update(
				"insert into idempotency_key (caller, idempotency_key, request_hash, resource_id, created_at) "
						+ "values (?, ?, ?, ?, ?)",
				caller, key, fingerprint(request), resourceId, Timestamp.from(this.clock.instant()));
	}

	private static void check(String key) {
		if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
			throw new ApiProblemException(ProblemType.INVALID_REQUEST,
					"The Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters.");
		}
	}

	/**
	 * Hashes the parsed request, so that formatting and member order of the JSON do not
	 * matter.
	 */
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
