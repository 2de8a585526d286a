package org.crmbackoffice.support.live;

import java.util.List;
import java.util.function.Consumer;

import org.crmbackoffice.support.security.Caller;
import tools.jackson.databind.JsonNode;

/**
 * Which events a caller's stream may carry: the service's own access rules, applied to
 * each event as it would be to a read of the resource it carries.
 */
@FunctionalInterface
public interface LiveEventVisibility {

	/**
	 * @param envelope the event as the stream sends it
	 */
	boolean visibleTo(Caller caller, JsonNode envelope);

	/**
	 * What must happen before events leave on a caller's stream, such as recording them
	 * as reads. Asked once, on the request that opens the stream; what it returns runs on
	 * the instance's reading thread before each batch of events is queued for the client.
	 * If it fails, the stream ends without them, and the client resumes from its last
	 * event.
	 */
	default Consumer<List<JsonNode>> beforeSending(Caller caller) {
		return (envelopes) -> {
		};
	}

}
