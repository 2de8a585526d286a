package org.crmbackoffice.interactions.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletResponse;
import org.crmbackoffice.interactions.export.ExportFormat.RowWriter;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Streams one chunk of an export straight from a database cursor to the response. Inside
 * one repeatable-read transaction it first walks the keys alone to find where the chunk
 * ends (so the next cursor and the row count go into the headers before the body) and
 * then streams exactly the rows up to that key. Memory stays bounded by the fetch size
 * whatever the limit.
 */
@Component
class Exporter {

	static final String NEXT_CURSOR = "X-Next-Cursor";

	static final String RESULT_COUNT = "X-Result-Count";

	static final String HAS_MORE = "X-Has-More";

	/** PostgreSQL's "canceling statement due to statement timeout". */
	private static final String QUERY_CANCELED = "57014";

	private static final int GZIP_BUFFER = 64 * 1024;

	private final ExportDatabase database;

	private final JsonMapper json;

	Exporter(ExportDatabase database, JsonMapper json) {
		this.database = database;
		this.json = json;
	}

	void export(ExportQuery query, ExportFormat format, boolean gzip, HttpServletResponse response) {
		try {
			this.database.read((jdbc) -> {
				Chunk chunk = chunkOf(jdbc, query);
				response.setContentType(format.mediaType().toString());
				response.setHeader(NEXT_CURSOR, query.cursorAfter(chunk.lastKey()).encode());
				response.setHeader(RESULT_COUNT, Long.toString(chunk.rows()));
				response.setHeader(HAS_MORE, Boolean.toString(chunk.more()));
				response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
				response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
				if (gzip) {
					response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
				}
				stream(jdbc, query, chunk, format, gzip, response);
				return null;
			});
		}
		catch (RuntimeException ex) {
			if (response.isCommitted()) {
				// Rows have gone out: the client sees a cut-off response and asks again
				// with the same cursor.
				throw ex;
			}
			// Nothing has gone out yet, so the headers promising rows are dropped for a
			// problem response.
			response.reset();
			if (ex instanceof DataAccessException access && access.getMostSpecificCause() instanceof SQLException sql
					&& QUERY_CANCELED.equals(sql.getSQLState())) {
				throw new ApiProblemException(ProblemType.QUERY_TIMEOUT,
						"The export query ran longer than the export statement timeout allows; narrow it with "
								+ "from/to or a smaller limit.");
			}
			throw ex;
		}
	}

	/**
	 * Where this chunk ends: the key of its last row, how many rows it has, and whether
	 * more follow.
	 */
	private Chunk chunkOf(JdbcTemplate jdbc, ExportQuery query) {
		List<ExportKey> keys = query.keys();
		String keyList = keys.stream().map(ExportKey::sql).collect(Collectors.joining(", "));
		String sql = "select " + keyList + " from " + query.dataset().from() + where(query, null) + " order by "
				+ keyList + " limit " + (query.limit() + 1);
		ChunkEnd end = new ChunkEnd(query.limit());
		jdbc.query(sql, (PreparedStatement statement) -> bind(statement, query, null), (row) -> {
			if (end.rows < end.limit) {
				List<String> key = new ArrayList<>(keys.size());
				for (int i = 0; i < keys.size(); i++) {
					key.add(keys.get(i).type().read(row, i + 1));
				}
				end.lastKey = key;
			}
			end.rows++;
		});
		return new Chunk(end.lastKey, Math.min(end.rows, end.limit), end.rows > end.limit);
	}

	private void stream(JdbcTemplate jdbc, ExportQuery query, Chunk chunk, ExportFormat format, boolean gzip,
			HttpServletResponse response) {
		List<ExportColumn> columns = query.dataset().columns();
		try {
			OutputStream body = response.getOutputStream();
			OutputStream out = gzip ? new GZIPOutputStream(body, GZIP_BUFFER) : body;
			RowWriter writer = format.writerOn(out, columns, this.json);
			if (chunk.rows() > 0) {
				String keyList = query.keys().stream().map(ExportKey::sql).collect(Collectors.joining(", "));
				String sql = "select " + columns.stream().map(ExportColumn::sql).collect(Collectors.joining(", "))
						+ " from " + query.dataset().from() + " " + query.dataset().joins()
						+ where(query, chunk.lastKey()) + " order by " + keyList;
				Object[] values = new Object[columns.size()];
				jdbc.query(sql, (PreparedStatement statement) -> bind(statement, query, chunk.lastKey()), (row) -> {
					for (int i = 0; i < values.length; i++) {
						values[i] = columns.get(i).read(row, i + 1);
					}
					writer.write(values);
				});
			}
			writer.finish();
			if (out instanceof GZIPOutputStream compressed) {
				compressed.finish();
			}
			body.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The filters, the cursor (rows after it), the end of the chunk (rows up to it) and,
	 * for changes, the bound that makes them final: only rows written by transactions
	 * older than every transaction still in progress. A transaction that started earlier
	 * but commits later than another has a smaller id, so it holds the bound back until
	 * it has finished, and its rows are never passed over.
	 */
	private static String where(ExportQuery query, List<String> upTo) {
		List<String> clauses = new ArrayList<>();
		for (ExportQuery.Condition filter : query.filters()) {
			clauses.add(filter.sql());
		}
		List<ExportKey> keys = query.keys();
		String keyRow = "(" + keys.stream().map(ExportKey::sql).collect(Collectors.joining(", ")) + ")";
		String placeholders = "("
				+ keys.stream().map((key) -> key.type().placeholder()).collect(Collectors.joining(", ")) + ")";
		if (query.cursor() != null && !query.cursor().key().isEmpty()) {
			clauses.add(keyRow + " > " + placeholders);
		}
		if (upTo != null) {
			clauses.add(keyRow + " <= " + placeholders);
		}
		if (query.mode() == ExportMode.CHANGES) {
			clauses.add(keys.get(0).sql() + " < pg_snapshot_xmin(pg_current_snapshot())");
		}
		return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
	}

	private static void bind(PreparedStatement statement, ExportQuery query, List<String> upTo) throws SQLException {
		int index = 1;
		for (ExportQuery.Condition filter : query.filters()) {
			statement.setObject(index++, filter.value());
		}
		List<ExportKey> keys = query.keys();
		if (query.cursor() != null && !query.cursor().key().isEmpty()) {
			for (int i = 0; i < keys.size(); i++) {
				keys.get(i).type().bind(statement, index++, query.cursor().key().get(i));
			}
		}
		if (upTo != null) {
			for (int i = 0; i < keys.size(); i++) {
				keys.get(i).type().bind(statement, index++, upTo.get(i));
			}
		}
	}

	private record Chunk(List<String> lastKey, long rows, boolean more) {
	}

	private static final class ChunkEnd {

		private final int limit;

		private long rows;

		private List<String> lastKey;

		ChunkEnd(int limit) {
			this.limit = limit;
		}

	}

}
