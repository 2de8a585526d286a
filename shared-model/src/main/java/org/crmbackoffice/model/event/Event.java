package org.crmbackoffice.model.event;

import java.time.Instant;
import java.util.Map;

/**
 * A TMF688 event as listeners receive it: {@code event} holds the resource under its own name, e.g.
 * {@code {"partyInteraction": {...}}}.
 */
public record Event(String eventId, Instant eventTime, String eventType, String domain, Map<String, Object> event) {
}
