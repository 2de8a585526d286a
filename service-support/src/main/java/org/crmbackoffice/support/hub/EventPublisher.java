package org.crmbackoffice.support.hub;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
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
	 * Publishes an event in the one shape every listener receives.
	 * @param subjectId the resource the event is about; deliveries about one subject arrive in publishing order
	 * @param resourceName the name the resource has in the envelope's {@code event}, e.g. {@code partyInteraction}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void publish(String eventType, String subjectId, String resourceName, Object resource) {
		publish(eventType, subjectId, resourceName, Map.of(HubProperties.V5, resource));
	}

	/**
	 * Publishes an event of a service that serves its API in more than one version: each listener receives the
	 * resource in the shape of the version it registered for, and is filtered on that shape.
	 * @param resourceByApiVersion the resource as each version shows it, e.g. {@code v5} and {@code v4}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void publish(String eventType, String subjectId, String resourceName, Map<String, ?> resourceByApiVersion) {
		Instant now = this.clock.instant();
		Map<String, Published> published = new HashMap<>();
		resourceByApiVersion.forEach((version, resource) -> {
			Event event = Event.of(UUID.randomUUID().toString(), now, eventType, this.domain,
					Map.of(resourceName, resource));
			JsonNode envelope = this.json.valueToTree(event);
			Long outboxId = this.jdbc.queryForObject("""
					insert into event_outbox (event_id, event_type, subject_id, payload, created_at)
					values (?::uuid, ?, ?, ?, ?) returning id""", Long.class, event.eventId(), eventType, subjectId,
					this.json.writeValueAsString(envelope), Timestamp.from(now));
			published.put(version, new Published(outboxId, envelope));
		});
		this.jdbc.query("select id, query, api_version from hub_listener where status = 'active'", (row) -> {
			Published event = published.get(row.getString("api_version"));
			if (event != null && EventFilter.parse(row.getString("query")).matches(event.envelope())) {
				this.jdbc.update("""
						insert into event_delivery (event_id, listener_id, subject_id, status, attempts, next_attempt_at,
						                            created_at)
						values (?, ?, ?, 'pending', 0, ?, ?)""", event.outboxId(), row.getObject("id"), subjectId,
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

	private record Published(long outboxId, JsonNode envelope) {
	}

}
