package org.crmbackoffice.inventory.usage;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How the inventory was used and what it cost, from the stored usage counters. The cost
 * is computed when the report is asked for, from the cost model configured then, so a
 * changed model prices past usage the same way.
 */
@Component
class UsageReport {

	private final JdbcTemplate jdbc;

	private final UsageProperties.Cost cost;

	UsageReport(JdbcTemplate jdbc, UsageProperties properties) {
		this.jdbc = jdbc;
		this.cost = properties.cost();
	}

	/**
	 * @param from the first day, inclusive
	 * @param to the last day, inclusive
	 * @param groupBy what each row is for; the dimensions not named are summed over
	 */
	Report of(LocalDate from, LocalDate to, Set<Dimension> groupBy) {
		// Operations are always grouped by in the query, since each has its own price.
		List<String> columns = new ArrayList<>();
		for (Dimension dimension : Dimension.values()) {
			if (groupBy.contains(dimension) || dimension == Dimension.OPERATION) {
				columns.add(dimension.column);
			}
		}
		String keys = String.join(", ", columns);
		Map<List<Object>, Row> rows = new LinkedHashMap<>();
		Row[] total = { Row.EMPTY };
		this.jdbc.query("select " + keys + """
				, sum(requests) as requests, sum(errors) as errors, sum(denied) as denied,
				sum(records_read) as records_read, sum(records_written) as records_written,
				sum(bytes_returned) as bytes_returned
				from usage_daily where day between ? and ?
				group by """ + " " + keys + " order by " + keys, (row) -> {
			String operation = row.getString("operation");
			long requests = row.getLong("requests");
			long read = row.getLong("records_read");
			long written = row.getLong("records_written");
			Row counted = new Row(groupBy.contains(Dimension.DAY) ? row.getDate("day").toLocalDate() : null,
					groupBy.contains(Dimension.PRINCIPAL) ? row.getString("principal") : null,
					groupBy.contains(Dimension.CLIENT) ? row.getString("client_id") : null,
					groupBy.contains(Dimension.OPERATION) ? operation : null, requests, row.getLong("errors"),
					row.getLong("denied"), read, written, row.getLong("bytes_returned"),
					this.cost.of(operation, requests, read + written));
			List<Object> key = new ArrayList<>();
			key.add(counted.day());
			key.add(counted.principal());
			key.add(counted.clientId());
			key.add(counted.operation());
			rows.merge(key, counted, Row::plus);
			total[0] = total[0].plus(counted);
		}, Date.valueOf(from), Date.valueOf(to));
		return new Report(from, to, groupBy.stream().map(Dimension::parameter).toList(), List.copyOf(rows.values()),
				total[0], List.of());
	}

	/**
	 * @throws ApiProblemException 400 for a dimension there is none of
	 */
	static Set<Dimension> dimensions(String groupBy) {
		Set<Dimension> dimensions = EnumSet.noneOf(Dimension.class);
		for (String name : groupBy.split(",")) {
			if (name.isBlank()) {
				continue;
			}
			Dimension found = null;
			for (Dimension dimension : Dimension.values()) {
				if (dimension.parameter.equals(name.strip().toLowerCase(Locale.ROOT))) {
					found = dimension;
				}
			}
			if (found == null) {
				throw new ApiProblemException(ProblemType.INVALID_REQUEST, "groupBy takes day, client, principal and "
						+ "operation, separated by commas; not " + name.strip() + ".");
			}
			dimensions.add(found);
		}
		return dimensions;
	}

	enum Dimension {

		DAY("day", "day"), CLIENT("client", "client_id"), PRINCIPAL("principal", "principal"),
		OPERATION("operation", "operation");

		private final String parameter;

		private final String column;

		Dimension(String parameter, String column) {
			this.parameter = parameter;
			this.column = column;
		}

		String parameter() {
			return this.parameter;
		}

	}

	/**
	 * @param groupBy the dimensions each row is for
	 * @param total all rows summed up
	 * @param unusualAccess the principals' days in the period on which they read far more
	 * records than usual
	 */
	@Schema(name = "UsageReport")
	record Report(LocalDate from, LocalDate to, List<String> groupBy, List<Row> rows, Row total,
			List<AccessAnomalies.CustomerAccessAnomaly> unusualAccess) {

		Report withUnusualAccess(List<AccessAnomalies.CustomerAccessAnomaly> anomalies) {
			return new Report(this.from, this.to, this.groupBy, this.rows, this.total, List.copyOf(anomalies));
		}

		/**
		 * Whether the row is of a principal's day that was unusual; only rows grouped by
		 * both can be.
		 */
		boolean unusual(Row row) {
			return this.unusualAccess.stream()
				.anyMatch((anomaly) -> anomaly.day().equals(row.day()) && anomaly.principal().equals(row.principal()));
		}

	}

	/**
	 * The usage of one group; the dimensions not grouped by are absent.
	 *
	 * @param errors answers with a 4xx or 5xx status, refusals included
	 * @param denied answers 401 or 403: requests without a valid token or without the
	 * permission
	 * @param bytesReturned bytes of the answers' bodies
	 * @param cost from the configured cost model
	 */
	record Row(LocalDate day, String principal, String clientId, String operation, long requests, long errors,
			long denied, long recordsRead, long recordsWritten, long bytesReturned, BigDecimal cost) {

		static final Row EMPTY = new Row(null, null, null, null, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO);

		Row plus(Row other) {
			return new Row(this.day, this.principal, this.clientId, this.operation, this.requests + other.requests,
					this.errors + other.errors, this.denied + other.denied, this.recordsRead + other.recordsRead,
					this.recordsWritten + other.recordsWritten, this.bytesReturned + other.bytesReturned,
					this.cost.add(other.cost));
		}

	}

}
