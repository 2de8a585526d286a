package org.crmbackoffice.model.event;

import java.time.Instant;
import java.util.List;

/**
 * One event owed to one listener, with every attempt made to deliver it.
 *
 * @param status {@code pending} (to be tried at {@code nextAttemptAt}), {@code delivered}
 * or {@code dead} (given up after the last try, or the listener was disabled)
 * @param attempts the tries started since the event was last owed afresh, one under way
 * included; while a try is under way, {@code nextAttemptAt} is when a dispatcher would
 * take the delivery over if its outcome never came
 */
public record Delivery(long id, String hubId, String eventId, String eventType, String subjectId, String status,
		int attempts, Instant nextAttemptAt, Instant createdAt, Instant deliveredAt, List<Attempt> attempt) {

	/**
	 * One try: what the callback answered and how long it took, or why it could not be
	 * reached.
	 */
	public record Attempt(int number, Instant at, Integer statusCode, long latencyMillis, String error) {
	}

}
