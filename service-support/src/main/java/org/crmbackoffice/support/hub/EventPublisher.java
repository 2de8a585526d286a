package org.crmbackoffice.support.hub;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.crmbackoffice.model.event.Event;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a service calls to say something happened. It must be called in the transaction of
 * the change: the event and one delivery per matching listener commit or roll back with
 * it.
 */
public class EventPublisher {

	private static final String TRACE_PARENT = "traceparent";

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final String domain;

	private final ObjectProvider<Tracer> tracer;

	private final ObjectProvider<Propagator> propagator;

	/** Whether each recorded event is also owed to the event stream (Kafka). */
	private final boolean streamed;

	EventPublisher(JdbcTemplate jdbc, JsonMapper json, Clock clock, String domain, ObjectProvider<Tracer> tracer,
			ObjectProvider<Propagator> propagator, boolean streamed) {
		this.streamed = streamed;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.domain = domain;
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * Publishes an event in the one shape every listener receives.
	 * @param subjectId the resource the event is about; deliveries about one subject
	 * arrive in publishing order
	 * @param resourceName the name the resource has in the envelope's {@code event}, e.g.
	 * {@code partyInteraction}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void publish(String eventType, String subjectId, String resourceName, Object resource) {
		publish(eventType, subjectId, resourceName, Map.of(HubProperties.V5, resource));
	}

	/**
	 * Publishes an event of a service that serves its API in more than one version: each
	 * listener receives the resource in the shape of the version it registered for, and
	 * is filtered on that shape. The v5 event is always written to the outbox, as the
	 * record that it happened; another version's only when a listener of that version
	 * takes it, so that a version nobody listens to costs no write.
	 * @param resourceByApiVersion the resource as each version shows it, e.g. {@code v5}
	 * and {@code v4}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void publish(String eventType, String subjectId, String resourceName, Map<String, ?> resourceByApiVersion) {
		publish(eventType, subjectId, resourceName, resourceByApiVersion, HubProperties.V5, this.domain);
	}

	/**
	 * Publishes an event of a TMF632 party that the service serves beside its main API:
	 * only the listeners of the party hub receive it, in the {@code partyManagement}
	 * domain.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void publishPartyEvent(String eventType, String subjectId, String resourceName, Object party) {
		publish(eventType, subjectId, resourceName, Map.of(HubProperties.PARTY_V5, party), HubProperties.PARTY_V5,
				"partyManagement");
	}

	/**
	 * @param recordedApi the API whose event is written to the outbox even when no
	 * listener takes it
	 */
	private void publish(String eventType, String subjectId, String resourceName, Map<String, ?> resourceByApiVersion,
			String recordedApi, String domain) {
		Instant now = this.clock.instant();
		List<Listener> listeners = this.jdbc
			.query("select id, query, api_version from hub_listener where status = 'active'", (row,
					number) -> new Listener(row.getObject("id"), row.getString("query"), row.getString("api_version")));
		resourceByApiVersion.forEach((version, resource) -> {
			boolean recordedAnyway = recordedApi.equals(version);
			List<Listener> ofVersion = listeners.stream()
				.filter((listener) -> listener.apiVersion().equals(version))
				.toList();
			if (ofVersion.isEmpty() && !recordedAnyway) {
				return;
			}
			Event event = Event.of(UUID.randomUUID().toString(), now, eventType, domain,
					Map.of(resourceName, resource));
			JsonNode envelope = this.json.valueToTree(event);
			List<Listener> taking = ofVersion.stream()
				.filter((listener) -> EventFilter.parse(listener.query()).matches(envelope))
				.toList();
			if (taking.isEmpty() && !recordedAnyway) {
				return;
			}
			Long outboxId = this.jdbc.queryForObject("""
					insert into event_outbox (event_id, event_type, subject_id, payload, created_at, trace_parent,
					                          api_version)
					values (?::uuid, ?, ?, ?, ?, ?, ?) returning id""", Long.class, event.eventId(), eventType,
					subjectId, this.json.writeValueAsString(envelope), Timestamp.from(now), currentTraceParent(),
					version);
			if (this.streamed && recordedAnyway) {
				this.jdbc.update("insert into event_stream_pending (outbox_id, created_at) values (?, ?)", outboxId,
						Timestamp.from(now));
			}
			for (Listener listener : taking) {
				this.jdbc.update("""
						insert into event_delivery (event_id, event_created_at, listener_id, subject_id, status,
						                            attempts, next_attempt_at, created_at)
						values (?, ?, ?, ?, 'pending', 0, ?, ?)""", outboxId, Timestamp.from(now), listener.id(),
						subjectId, Timestamp.from(now), Timestamp.from(now));
			}
		});
	}

	/**
	 * Forgets what the events published so far said about a subject, for a GDPR erasure:
	 * their payloads are replaced by a marker and their deliveries still pending are
	 * given up, so no listener receives the personal data afterwards. The events
	 * themselves stay, as a record that something happened.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void forget(String subjectId) {
		this.jdbc.update("""
				update event_outbox set payload = '{"erased": true}' where subject_id = ?""", subjectId);
		this.jdbc.update("""
				update event_delivery set status = 'dead' where subject_id = ? and status = 'pending'""", subjectId);
	}

	private record Listener(Object id, String query, String apiVersion) {
	}

	/**
	 * The W3C {@code traceparent} of the span the event is published in, as Micrometer
	 * Tracing's propagator writes it on outgoing calls, or {@code null} without one.
	 */
	private String currentTraceParent() {
		Tracer current = this.tracer.getIfAvailable();
		Span span = (current != null) ? current.currentSpan() : null;
		Propagator propagation = this.propagator.getIfAvailable();
		if (span == null || span.isNoop() || propagation == null) {
			return null;
		}
		Map<String, String> headers = new HashMap<>();
		propagation.inject(span.context(), headers, Map::put);
		return headers.get(TRACE_PARENT);
	}

}
