package org.crmbackoffice.interactions.export;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * One part of the keyset an export is ordered by and resumes from, as SQL and as cursor
 * text.
 */
record ExportKey(String sql, Type type) {

	enum Type {

		TIMESTAMP("?") {
			@Override
			String read(ResultSet row, int index) throws SQLException {
				return row.getObject(index, OffsetDateTime.class).toString();
			}

			@Override
			void bind(PreparedStatement statement, int index, String value) throws SQLException {
				statement.setObject(index, OffsetDateTime.parse(value));
			}
		},

		/** A PostgreSQL transaction id ({@code xid8}), unsigned 64 bits. */
		TRANSACTION("?::xid8") {
			@Override
			String read(ResultSet row, int index) throws SQLException {
				return row.getString(index);
			}

			@Override
			void bind(PreparedStatement statement, int index, String value) throws SQLException {
				statement.setString(index, Long.toUnsignedString(Long.parseUnsignedLong(value)));
			}
		},

		UUID("?") {
			@Override
			String read(ResultSet row, int index) throws SQLException {
				return row.getObject(index, java.util.UUID.class).toString();
			}

			@Override
			void bind(PreparedStatement statement, int index, String value) throws SQLException {
				statement.setObject(index, java.util.UUID.fromString(value));
			}
		},

		NUMBER("?") {
			@Override
			String read(ResultSet row, int index) throws SQLException {
				return Long.toString(row.getLong(index));
			}

			@Override
			void bind(PreparedStatement statement, int index, String value) throws SQLException {
				statement.setLong(index, Long.parseLong(value));
			}
		};

		private final String placeholder;

		Type(String placeholder) {
			this.placeholder = placeholder;
		}

		String placeholder() {
			return this.placeholder;
		}

		abstract String read(ResultSet row, int index) throws SQLException;

		/**
		 * @throws IllegalArgumentException if the value is not one this type reads, i.e.
		 * the cursor was tampered with
		 */
		abstract void bind(PreparedStatement statement, int index, String value) throws SQLException;

	}

	/** Checks a value from a cursor before any statement sees it. */
	static void check(Type type, String value) {
		switch (type) {
			case TIMESTAMP -> OffsetDateTime.parse(value);
			case TRANSACTION -> Long.parseUnsignedLong(value);
			case UUID -> java.util.UUID.fromString(value);
			case NUMBER -> Long.parseLong(value);
		}
	}

}
