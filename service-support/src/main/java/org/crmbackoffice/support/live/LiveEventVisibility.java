package org.crmbackoffice.support.live;

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

}
