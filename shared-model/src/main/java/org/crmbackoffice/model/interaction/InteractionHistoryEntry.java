package org.crmbackoffice.model.interaction;

import java.time.Instant;
import java.util.List;

/**
 * One immutable entry of an interaction's track record: who changed what, when, and
 * through which channel.
 *
 * @param sequence 1 for the creation, then one more per change
 * @param action {@code created}, {@code updated}, {@code statusChanged},
 * {@code noteAdded}, {@code cancelled} or {@code deleted} (taken off the TMF API);
 * {@code authenticated} (the partner proved who it is, or an agent recorded its check),
 * {@code authenticationCodeIssued} or {@code authenticationCodeRejected}; or one of the
 * messages sent to the partner
 * @param channel the channel the change came through, as the client said in
 * {@code X-Channel}, if it did
 * @param changes each changed attribute with its value before and after
 */
public record InteractionHistoryEntry(long sequence, Instant changedAt, String changedBy, String clientId,
		String channel, String action, List<FieldChange> changes) {

	/**
	 * One attribute's change; {@code from} and {@code to} are JSON values, {@code null}
	 * where absent.
	 */
	public record FieldChange(String field, Object from, Object to) {
	}

}
