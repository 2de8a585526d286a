package org.crmbackoffice.support.live;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * An event as streams carry it: read once per instance and shared by every stream it is
 * sent on.
 *
 * @param payload the envelope as the outbox holds it, sent as it is
 * @param envelope the same, parsed, for the filters
 */
record LiveEvent(StreamPosition position, String payload, JsonNode envelope, Instant publishedAt) {

}
