package org.crmbackoffice.support.live;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a stream is in the outbox: the transaction that wrote an event and the event's
 * row. The order of these pairs is one in which no event can appear behind a position
 * once every transaction below it has ended (see the outbox's
 * {@code event_outbox_stream_position} migration). Sent as each event's SSE id, e.g.
 * {@code 7712.40311}.
 */
record StreamPosition(long transactionId, long id) implements Comparable<StreamPosition> {

	/** Before every event. */
	static final StreamPosition START = new StreamPosition(0, 0);

	private static final Pattern TEXT = Pattern.compile("(\\d{1,19})\\.(\\d{1,19})");

	static Optional<StreamPosition> parse(String text) {
		Matcher matcher = TEXT.matcher(text.strip());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new StreamPosition(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	@Override
	public int compareTo(StreamPosition other) {
		int byTransaction = Long.compare(this.transactionId, other.transactionId);
		return (byTransaction != 0) ? byTransaction : Long.compare(this.id, other.id);
	}

	boolean isAfter(StreamPosition other) {
		return compareTo(other) > 0;
	}

	@Override
	public String toString() {
		return this.transactionId + "." + this.id;
	}

}
