package org.crmbackoffice.model.event;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A TMF688 event as listeners receive it: {@code event} holds the resource under its own
 * name, e.g. {@code {"partyInteraction": {...}}}; {@code @type} repeats the event type,
 * as TMF688 polymorphism asks.
 */
public record Event(@JsonProperty("@type") String type, @JsonProperty("@baseType") String baseType, String eventId,
		Instant eventTime, String eventType, String domain, Map<String, Object> event) {

	public static final String BASE_TYPE = "Event";

	public static Event of(String eventId, Instant eventTime, String eventType, String domain,
			Map<String, Object> event) {
		return new Event(eventType, BASE_TYPE, eventId, eventTime, eventType, domain, event);
	}

}
