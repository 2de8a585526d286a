package org.crmbackoffice.interactions.export;

/** What an export walks through. */
enum ExportMode {

	/**
	 * Rows by their time (interaction start, history entry time), oldest first: a bulk
	 * export of a period.
	 */
	RANGE("range"),

	/**
	 * Rows in the order their changes became final: every row created or changed since
	 * the cursor, each change once.
	 */
	CHANGES("changes");

	private final String value;

	ExportMode(String value) {
		this.value = value;
	}

	String value() {
		return this.value;
	}

	static ExportMode of(String value) {
		for (ExportMode mode : values()) {
			if (mode.value.equals(value)) {
				return mode;
			}
		}
		throw new IllegalArgumentException(value);
	}

}
