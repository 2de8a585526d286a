package org.crmbackoffice.support.hub;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.crmbackoffice.model.event.Hub;
import org.crmbackoffice.model.event.HubRegistration;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.security.CurrentCaller;
import org.crmbackoffice.support.web.ApiResponses;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** Registers, shows, rotates the secret of and removes listeners. */
public class HubListeners {

	private final JdbcTemplate jdbc;

	private final CallbackGuard guard;

	private final CurrentCaller caller;

	private final Clock clock;

	private final HubProperties properties;

	HubListeners(JdbcTemplate jdbc, HubProperties properties, CurrentCaller caller, Clock clock) {
		this.jdbc = jdbc;
		this.guard = new CallbackGuard(properties.allowPrivateCallbacks());
		this.caller = caller;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * @param apiVersion the version of the API whose events the listener receives:
	 * {@code v5} or {@code v4}
	 */
	@Transactional
	public Hub register(HubRegistration registration, String apiVersion) {
		this.guard.check(registration.callback());
		EventFilter.parse(registration.query());
		UUID id = UUID.randomUUID();
		String secret = WebhookSignature.newSecret();
		Instant now = this.clock.instant();
		this.jdbc.update("""
				insert into hub_listener (id, callback, query, secret, status, created_at, created_by, api_version)
				values (?, ?, ?, ?, 'active', ?, ?, ?)""", id, registration.callback(), registration.query(), secret,
				Timestamp.from(now), this.caller.get().subject(), apiVersion);
		return new Hub(id.toString(), hrefOf(id.toString(), apiVersion), Hub.TYPE, registration.callback(),
				registration.query(), "active", secret, now);
	}

	@Transactional(readOnly = true)
	public Hub get(String id) {
		return find(id).orElseThrow(() -> ApiProblemException.notFound("hub listener", id));
	}

	/**
	 * Issues a new secret. The old one keeps signing beside it for
	 * {@code crm.hub.secret-overlap}, so the listener can switch without losing a
	 * message.
	 */
	@Transactional
	public Hub rotateSecret(String id) {
		get(id);
		String secret = WebhookSignature.newSecret();
		this.jdbc.update("""
				update hub_listener set previous_secret = secret, previous_secret_until = ?, secret = ?
				where id = ?::uuid""", Timestamp.from(this.clock.instant().plus(this.properties.secretOverlap())),
				secret, id);
		Hub hub = get(id);
		return new Hub(hub.id(), hub.href(), hub.type(), hub.callback(), hub.query(), hub.status(), secret,
				hub.creationDate());
	}

	/**
	 * A removed listener gets nothing more; what it was owed becomes dead letters, kept
	 * for the record.
	 */
	@Transactional
	public void remove(String id) {
		get(id);
		this.jdbc.update("update hub_listener set status = 'removed' where id = ?::uuid", id);
		this.jdbc.update("update event_delivery set status = 'dead' where listener_id = ?::uuid and status = 'pending'",
				id);
	}

	private Optional<Hub> find(String id) {
		if (ApiResponses.parseId(id).isEmpty()) {
			return Optional.empty();
		}
		List<Hub> found = this.jdbc.query("""
				select id, callback, query, status, created_at, api_version from hub_listener
				where id = ?::uuid and status <> 'removed'""", this::hubOf, id);
		return found.stream().findFirst();
	}

	private Hub hubOf(ResultSet row, int number) throws SQLException {
		String id = row.getString("id");
		return new Hub(id, hrefOf(id, row.getString("api_version")), Hub.TYPE, row.getString("callback"),
				row.getString("query"), row.getString("status"), null, row.getTimestamp("created_at").toInstant());
	}

	private String hrefOf(String id, String apiVersion) {
		return this.properties.hubPathOf(apiVersion) + "/" + id;
	}

}
