package org.crmbackoffice.interactions.analytics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.crmbackoffice.model.interaction.InteractionStatus;

/**
 * What the analytics can group interactions by, with the SQL expression over
 * {@code interaction_fact}.
 */
enum Grouping {

	CHANNEL("channel", "channel"), REASON("reason", "reason"), DIRECTION("direction", "direction"),
	STATUS("status", "status"), DAY("day", "to_char(started_at at time zone 'UTC', 'YYYY-MM-DD')"),
	/** The Monday the ISO week starts with. */
	WEEK("week", "to_char(date_trunc('week', started_at at time zone 'UTC'), 'YYYY-MM-DD')");

	private final String name;

	private final String expression;

	Grouping(String name, String expression) {
		this.name = name;
		this.expression = expression;
	}

	String label() {
		return this.name;
	}

	String expression() {
		return this.expression;
	}

	/**
	 * The stored value as clients know it: statuses in their wire form; directions are
	 * stored as sent.
	 */
	String display(String stored) {
		if (stored == null) {
			return null;
		}
		return switch (this) {
			case STATUS -> InteractionStatus.valueOf(stored).value();
			default -> stored;
		};
	}

	static Grouping of(String name) {
		return Arrays.stream(values())
			.filter((grouping) -> grouping.name.equals(name.trim().toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(name));
	}

	static String names() {
		return Arrays.stream(values()).map(Grouping::label).collect(Collectors.joining(", "));
	}

}
