package org.crmbackoffice.inventory.usage;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.crmbackoffice.inventory.usage.AccessAnomalies.CustomerAccessAnomaly;
import org.crmbackoffice.inventory.usage.UsageReport.Dimension;
import org.crmbackoffice.inventory.usage.UsageReport.Report;
import org.crmbackoffice.inventory.usage.UsageReport.Row;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.csv.CsvWriter;
import org.crmbackoffice.support.problem.ApiProblemException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = UsageReportController.BASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "report", description = "Usage, cost and unusual access of the customer inventory")
class UsageReportController {

	static final String BASE_PATH = "/inventory/v1/report";

	/** A year and a day: a report spans at most that many days. */
	private static final long MAX_DAYS = 366;

	private final UsageReport usage;

	private final AccessAnomalies anomalies;

	private final Clock clock;

	UsageReportController(UsageReport usage, AccessAnomalies anomalies, Clock clock) {
		this.usage = usage;
		this.anomalies = anomalies;
		this.clock = clock;
	}

	@GetMapping(path = "/usage", produces = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
	@Operation(operationId = "retrieveUsageReport",
			summary = "Reports requests, records read and written, bytes, errors and cost",
			description = "Per day (UTC), principal, client and API operation, or summed over the dimensions not in "
					+ "groupBy. from and to are days, both included; by default the last 30. format=csv gives the rows "
					+ "as CSV. Counters reach the report within crm.audit.usage-flush-interval. unusualAccess lists the "
					+ "principals' days in the period on which they read far more than usual (as /anomaly does); "
					+ "grouped by day and principal, their rows say so in the CSV's unusualAccess column.")
	@ApiResponse(responseCode = "200", description = "The report",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = UsageReport.Report.class)),
					@Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
	ResponseEntity<?> usage(@Parameter(
			description = "First day of the report (UTC, inclusive); 29 days before to when absent") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "Last day of the report (UTC, inclusive); today when absent") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Parameter(
					description = "What to group by, comma-separated: day, client, principal, operation") @RequestParam(
							defaultValue = "day,client,principal,operation") String groupBy,
			@Parameter(description = "json or csv") @RequestParam(defaultValue = "json") @Pattern(regexp = "json|csv",
					message = "must be json or csv") String format) {
		LocalDate last = (to != null) ? to : LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		LocalDate first = (from != null) ? from : last.minusDays(29);
		checkSpan(first, last);
		Set<Dimension> dimensions = UsageReport.dimensions(groupBy);
		Report report = this.usage.of(first, last, dimensions).withUnusualAccess(this.anomalies.between(first, last));
		if (format.equals("json")) {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
		}
		return ResponseEntity.ok()
			.contentType(CsvWriter.TEXT_CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("usage-" + first + "-" + last + ".csv").build().toString())
			.body(csv(report, dimensions));
	}

	@GetMapping("/anomaly")
	@Operation(operationId = "listAccessAnomalies",
			summary = "Lists principals that read far more customer records in a day than they usually do",
			description = "Days (UTC) from and to, both included; by default the last 30. Each is also raised as a "
					+ "CustomerAccessAnomalyEvent to the hub's listeners.")
	List<CustomerAccessAnomaly> anomalies(@Parameter(
			description = "First day of the report (UTC, inclusive); 29 days before to when absent") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@Parameter(description = "Last day of the report (UTC, inclusive); today when absent") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		LocalDate last = (to != null) ? to : LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		LocalDate first = (from != null) ? from : last.minusDays(29);
		checkSpan(first, last);
		return this.anomalies.between(first, last);
	}

	private static void checkSpan(LocalDate from, LocalDate to) {
		if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
			throw new ApiProblemException(ProblemType.INVALID_REQUEST,
					"from must not be after to, and a report spans at most " + MAX_DAYS + " days.");
		}
	}

	/**
	 * The report is in memory already, so its CSV is written in one piece rather than
	 * streamed.
	 */
	private static byte[] csv(Report report, Set<Dimension> dimensions) {
		List<String> header = new ArrayList<>(dimensions.stream().map(Dimension::parameter).toList());
		header.addAll(List.of("requests", "errors", "denied", "recordsRead", "recordsWritten", "bytesReturned", "cost",
				"unusualAccess"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CsvWriter csv = CsvWriter.start(out, header)) {
			for (Row row : report.rows()) {
				List<Object> cells = new ArrayList<>();
				for (Dimension dimension : dimensions) {
					cells.add(switch (dimension) {
						case DAY -> row.day();
						case CLIENT -> row.clientId();
						case PRINCIPAL -> row.principal();
						case OPERATION -> row.operation();
					});
				}
				cells.addAll(List.of(row.requests(), row.errors(), row.denied(), row.recordsRead(),
						row.recordsWritten(), row.bytesReturned(), row.cost()));
				cells.add((row.day() != null && row.principal() != null) ? report.unusual(row) : null);
				csv.row(cells);
			}
		}
		return out.toByteArray();
	}

}
