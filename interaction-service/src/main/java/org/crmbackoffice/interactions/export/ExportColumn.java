package org.crmbackoffice.interactions.export;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * One column of an export: its name in the CSV header and the NDJSON object, its type,
 * what it means (for the API documentation), and the SQL that reads it.
 */
record ExportColumn(String name, Type type, String meaning, String sql, Map<String, String> codes) {

	enum Type {

		/** Text; a code where the column lists its values. */
		TEXT("text"),
		/** A whole number. */
		INTEGER("integer"),
		/** An RFC 3339 date-time in UTC, to the microsecond. */
		TIMESTAMP("date-time (UTC)"),
		/**
		 * A list of texts: a JSON array in NDJSON, the texts joined by {@code ;} in CSV.
		 */
		LIST("list of text"),
		/** A JSON value: as is in NDJSON, its JSON text in CSV. */
		JSON("JSON");

		private final String label;

		Type(String label) {
			this.label = label;
		}

		String label() {
			return this.label;
		}

	}

	static ExportColumn text(String name, String sql, String meaning) {
		return new ExportColumn(name, Type.TEXT, meaning, sql, null);
	}

	/**
	 * Text stored as one code and exported as another, e.g. {@code IN_PROGRESS} as
	 * {@code inProgress}.
	 */
	static ExportColumn code(String name, String sql, Map<String, String> codes, String meaning) {
		return new ExportColumn(name, Type.TEXT,
				meaning + ": " + String.join(", ", codes.values().stream().sorted().toList()), sql, Map.copyOf(codes));
	}

	static ExportColumn integer(String name, String sql, String meaning) {
		return new ExportColumn(name, Type.INTEGER, meaning, sql, null);
	}

	static ExportColumn timestamp(String name, String sql, String meaning) {
		return new ExportColumn(name, Type.TIMESTAMP, meaning, sql, null);
	}

	static ExportColumn list(String name, String sql, String meaning) {
		return new ExportColumn(name, Type.LIST, meaning, sql, null);
	}

	static ExportColumn json(String name, String sql, String meaning) {
		return new ExportColumn(name, Type.JSON, meaning, sql, null);
	}

	/**
	 * The value in the given result column: a String, a Long, or for a list a String[];
	 * null when empty.
	 */
	Object read(ResultSet row, int index) throws SQLException {
		return switch (this.type) {
			case TEXT, JSON -> {
				String value = row.getString(index);
				yield (value != null && this.codes != null) ? this.codes.getOrDefault(value, value) : value;
			}
			case INTEGER -> {
				long value = row.getLong(index);
				yield row.wasNull() ? null : value;
			}
			case TIMESTAMP -> {
				OffsetDateTime value = row.getObject(index, OffsetDateTime.class);
				yield (value != null) ? DateTimeFormatter.ISO_INSTANT.format(value.toInstant()) : null;
			}
			case LIST -> {
				Array value = row.getArray(index);
				yield (value != null) ? (String[]) value.getArray() : null;
			}
		};
	}

}
