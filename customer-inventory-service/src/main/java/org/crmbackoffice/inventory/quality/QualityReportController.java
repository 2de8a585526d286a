package org.crmbackoffice.inventory.quality;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.crmbackoffice.inventory.quality.QualityReports.Report;
import org.crmbackoffice.support.csv.CsvWriter;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.web.ApiResponses;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Quality reports of completed runs, as JSON or CSV. */
@RestController
@Validated
@RequestMapping(path = QualityPaths.BASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = QualityPaths.TAG, description = QualityPaths.TAG_DESCRIPTION)
class QualityReportController {

	private final QualityReports reports;

	QualityReportController(QualityReports reports) {
		this.reports = reports;
	}

	@GetMapping(path = "/report", produces = { MediaType.APPLICATION_JSON_VALUE, QualityPaths.CSV })
	@Operation(operationId = "retrieveQualityReport",
			summary = "The quality report of a completed run (the latest unless run= names one)",
			description = "Scores overall and per rule over the completed runs, findings by rule, severity and source "
					+ "system, and the top shortcomings; format=csv (or Accept: text/csv) for CSV.")
	@ApiResponse(responseCode = "200", description = "The report",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = QualityReports.Report.class)),
					@Content(mediaType = QualityPaths.CSV, schema = @Schema(type = "string")) })
	ResponseEntity<?> report(
			@Parameter(description = "The run to report on; the latest completed run when absent") @RequestParam(
					required = false) String run,
			@Parameter(description = "json (default) or csv; the Accept header chooses too") @RequestParam(
					required = false) @Pattern(regexp = "json|csv", message = "must be json or csv") String format,
			@Parameter(description = "application/json or text/csv") @RequestHeader(name = HttpHeaders.ACCEPT,
					required = false) String accept) {
		UUID runId = (run != null)
				? ApiResponses.parseId(run).orElseThrow(() -> ApiProblemException.notFound("quality run", run)) : null;
		Report report = this.reports.report(runId);
		boolean csv = "csv".equals(format) || (format == null && accept != null && accept.startsWith(QualityPaths.CSV));
		if (csv) {
			return ResponseEntity.ok()
				.contentType(CsvWriter.TEXT_CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						"attachment; filename=\"quality-report-" + report.run().runId() + ".csv\"")
				.body(QualityReports.csv(report));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
	}

}
