package org.crmbackoffice.support.hub;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.crmbackoffice.model.event.Event;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a service calls to say something happened. It must be called in the transaction of the change: the event
 * and one delivery per matching listener commit or roll back with it.
 */
public class EventPublisher {

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final String domain;

	EventPublisher(JdbcTemplate jdbc, JsonMapper json, Clock clock, String domain) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.domain = domain;
	}

	/**
	 * @param subjectId the resource the event is about; deliveries about one subject arrive in publishing order
	 * @param resourceName the name the resource has in the envelope's {@code event}, e.g. {@code partyInteraction}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void publish(String eventType, String subjectId, String resourceName, Object resource) {
		Instant now = this.clock.instant();
		Event event = Event.of(UUID.randomUUID().toString(), now, eventType, this.domain,
				Map.of(resourceName, resource));
		JsonNode envelope = this.json.valueToTree(event);
		Long outboxId = this.jdbc.queryForObject("""
				insert into event_outbox (event_id, event_type, subject_id, payload, created_at)
				values (?::uuid, ?, ?, ?, ?) returning id""", Long.class, event.eventId(), eventType, subjectId,
				this.json.writeValueAsString(envelope), Timestamp.from(now));
		this.jdbc.query("select id, query from hub_listener where status = 'active'", (row) -> {
			if (EventFilter.parse(row.getString("query")).matches(envelope)) {
				this.jdbc.update("""
						insert into event_delivery (event_id, listener_id, subject_id, status, attempts, next_attempt_at,
						                            created_at)
						values (?, ?, ?, 'pending', 0, ?, ?)""", outboxId, row.getObject("id"), subjectId,
						Timestamp.from(now), Timestamp.from(now));
			}
		});
	}

	/**
	 * Forgets what the events published so far said about a subject, for a GDPR erasure: their payloads are
	 * replaced by a marker and their deliveries still pending are given up, so no listener receives the personal
	 * data afterwards. The events themselves stay, as a record that something happened.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void forget(String subjectId) {
		this.jdbc.update("""
				update event_outbox set payload = '{"erased": true}' where subject_id = ?""", subjectId);
		this.jdbc.update("""
				update event_delivery set status = 'dead' where subject_id = ? and status = 'pending'""", subjectId);
	}

}
