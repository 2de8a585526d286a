package org.crmbackoffice.support.hub;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A delivery a dispatcher claimed: the event it carries and where and how to send it.
 *
 * @param attempt the number of this attempt, counted since the delivery was last owed
 * afresh
 * @param committedAt when the change the event tells of was committed
 * @param previousSecretUntil until when a rotated secret still signs too, or {@code null}
 * @param traceParent the W3C {@code traceparent} of the change that published the event,
 * or {@code null}
 */
record PendingDelivery(long id, int attempt, String eventId, String payload, Instant committedAt, UUID listenerId,
		String callback, String secret, String previousSecret, Instant previousSecretUntil, String traceParent) {

	static PendingDelivery of(ResultSet row) throws SQLException {
		Timestamp previousUntil = row.getTimestamp("previous_secret_until");
		return new PendingDelivery(row.getLong("id"), row.getInt("attempts"), row.getString("event_id"),
				row.getString("payload"), row.getTimestamp("created_at").toInstant(),
				row.getObject("listener_id", UUID.class), row.getString("callback"), row.getString("secret"),
				row.getString("previous_secret"), (previousUntil != null) ? previousUntil.toInstant() : null,
				row.getString("trace_parent"));
	}

	/** The secrets that sign a message sent at the given time, the current one first. */
	List<String> signingSecrets(Instant now) {
		return (this.previousSecret != null && this.previousSecretUntil != null
				&& this.previousSecretUntil.isAfter(now)) ? List.of(this.secret, this.previousSecret)
						: List.of(this.secret);
	}

}
