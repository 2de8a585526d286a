package org.crmbackoffice.inventory.quality;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.inventory.customer.CustomerMerges;
import org.crmbackoffice.inventory.quality.DuplicateMerges.Merged;
import org.crmbackoffice.inventory.quality.QualityFindings.Finding;
import org.crmbackoffice.inventory.quality.QualityFindings.Verification;
import org.crmbackoffice.inventory.quality.QualityReports.Report;
import org.crmbackoffice.inventory.quality.QualityRuns.Run;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.support.csv.CsvWriter;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.security.CurrentCaller;
import org.crmbackoffice.support.web.ApiResponses;
import org.crmbackoffice.support.web.JsonMergePatch;
import org.crmbackoffice.support.web.OffsetLimit;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping(path = QualityController.BASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "data quality", description = "Audits of the customer records, their findings, verifications, merges "
		+ "of duplicates and quality reports")
class QualityController {

	static final String BASE_PATH = "/inventory/v1/quality";

	static final String CSV = "text/csv";

	private final QualityRuns runs;

	private final QualityFindings findings;

	private final DuplicateMerges merges;

	private final CustomerMerges customerMerges;

	private final QualityReports reports;

	private final QualityRules rules;

	private final CurrentCaller caller;

	private final Clock clock;

	QualityController(QualityRuns runs, QualityFindings findings, DuplicateMerges merges, CustomerMerges customerMerges,
			QualityReports reports, QualityRules rules, CurrentCaller caller, Clock clock) {
		this.runs = runs;
		this.findings = findings;
		this.merges = merges;
		this.customerMerges = customerMerges;
		this.reports = reports;
		this.rules = rules;
		this.caller = caller;
		this.clock = clock;
	}

	@GetMapping("/rule")
	@Operation(operationId = "listQualityRules",
			summary = "Lists the automated rules with their settings (crm.quality.rules.<rule>.*)")
	List<QualityRuleView> rules() {
		return this.rules.all()
			.stream()
			.map((rule) -> new QualityRuleView(rule.id(), rule.dimension(), rule.description(), rule.enabled(),
					rule.severity(), rule.threshold()))
			.toList();
	}

	@PostMapping("/run")
	@Operation(operationId = "startQualityRun",
			summary = "Starts an audit run over all customers, or those one source system fed",
			description = "The run works in the background, chunk by chunk; follow it at the Location. One run at a "
					+ "time: 409 naming the running run otherwise.")
	@ApiResponse(responseCode = "201", description = "Created; Location gives its address")
	ResponseEntity<RunView> start(@Valid @RequestBody(required = false) RunRequest request) {
		Run run = this.runs.start((request != null) ? request.dataSource() : null, this.caller.get().subject());
		return ApiResponses.created(run.id().toString(), view(run));
	}

	@GetMapping("/run")
	@Operation(operationId = "listQualityRuns", summary = "Lists runs, newest first")
	ResponseEntity<List<RunView>> runs(@RequestParam(defaultValue = "0") @Min(0) long offset,
			@RequestParam(defaultValue = "20") @Min(1) @Max(OffsetLimit.MAX_LIMIT) int limit) {
		List<RunView> page = this.runs.latest(offset, limit).stream().map(this::view).toList();
		return ResponseEntity.ok()
			.header(ApiResponses.TOTAL_COUNT, Long.toString(this.runs.count()))
			.header(ApiResponses.RESULT_COUNT, Integer.toString(page.size()))
			.body(page);
	}

	@GetMapping("/run/{id}")
	@Operation(operationId = "retrieveQualityRun",
			summary = "Shows a run: status, customers checked of the total, findings so far, rate and ETA")
	RunView run(@PathVariable String id) {
		return ApiResponses.parseId(id)
			.flatMap(this.runs::find)
			.map(this::view)
			.orElseThrow(() -> ApiProblemException.notFound("quality run", id));
	}

	@PostMapping("/run/{id}/cancel")
	@Operation(operationId = "cancelQualityRun",
			summary = "Cancels a running run after the chunk in hand; what it found so far stays")
	RunView cancel(@PathVariable String id) {
		UUID runId = ApiResponses.parseId(id).orElseThrow(() -> ApiProblemException.notFound("quality run", id));
		return view(this.runs.cancel(runId));
	}

	@GetMapping("/finding")
	@Operation(operationId = "listFindings", summary = "Lists findings, most recently found first",
			description = "All filters given must hold.")
	@Parameter(name = "rule", in = ParameterIn.QUERY, description = "Findings of the rule with this id (see /rule)")
	@Parameter(name = "status", in = ParameterIn.QUERY, description = "open, resolved or accepted")
	@Parameter(name = "severity", in = ParameterIn.QUERY, description = "low, medium or high")
	@Parameter(name = "customerId", in = ParameterIn.QUERY, description = "Findings about this customer")
	@Parameter(name = "dataSource", in = ParameterIn.QUERY,
			description = "Findings about customers from this source system")
	@Parameter(name = "lastRunId", in = ParameterIn.QUERY, description = "Findings the run with this id found last")
	ResponseEntity<List<FindingView>> findings(@Parameter(hidden = true) @RequestParam Map<String, String> parameters,
			@RequestParam(defaultValue = "0") @Min(0) long offset,
			@RequestParam(defaultValue = "20") @Min(1) @Max(OffsetLimit.MAX_LIMIT) int limit) {
		QualityFindings.Page page = this.findings.list(parameters, offset, limit);
		List<FindingView> items = page.items().stream().map(QualityController::view).toList();
		return ResponseEntity.ok()
			.header(ApiResponses.TOTAL_COUNT, Long.toString(page.total()))
			.header(ApiResponses.RESULT_COUNT, Integer.toString(items.size()))
			.body(items);
	}

	@GetMapping("/finding/{id}")
	@Operation(operationId = "retrieveFinding", summary = "Retrieves a finding, with its ETag")
	ResponseEntity<FindingView> finding(@PathVariable String id) {
		Finding finding = this.findings.find(id).orElseThrow(() -> ApiProblemException.notFound("finding", id));
		return ResponseEntity.ok().eTag(ApiResponses.etagOf(finding.version())).body(view(finding));
	}

	@PatchMapping(path = "/finding/{id}", consumes = JsonMergePatch.MEDIA_TYPE)
	@Operation(operationId = "patchFinding",
			summary = "Resolves a finding, accepts it as an exception, or opens it again",
			description = "Body: {\"status\": \"resolved\" | \"accepted\" | \"open\", \"statusReason\": \"...\"}; "
					+ "resolving and accepting need a reason. Later runs leave an accepted exception accepted, and "
					+ "open a resolved finding again if they still find it.")
	ResponseEntity<FindingView> changeFinding(@PathVariable String id, @Valid @RequestBody FindingChange change,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Finding finding = this.findings.changeStatus(id, change.status(), change.statusReason(),
				ApiResponses.versionOf(ifMatch), this.caller.get().subject());
		return ResponseEntity.ok().eTag(ApiResponses.etagOf(finding.version())).body(view(finding));
	}

	@PostMapping("/verification")
	@Operation(operationId = "recordVerification",
			summary = "Records a steward's verification of a customer: verified, corrected or disputed",
			description = "Corrections themselves go through the customer API. Verified and corrected reset the "
					+ "customer's staleness; disputed opens a manual-audit finding.")
	@ApiResponse(responseCode = "201", description = "Created; Location gives its address")
	ResponseEntity<VerificationView> verify(@Valid @RequestBody VerificationRequest request) {
		Verification verification = this.findings.verify(request.customerId(), request.outcome(), request.note(),
				this.caller.get().subject());
		return ApiResponses.created(verification.id().toString(), view(verification));
	}

	@GetMapping("/verification")
	@Operation(operationId = "listVerifications", summary = "Lists a customer's verifications, newest first")
	List<VerificationView> verifications(
			@Parameter(description = "The customer whose verifications to list") @RequestParam String customerId) {
		return this.findings.verificationsOf(customerId).stream().map(QualityController::view).toList();
	}

	@PostMapping("/merge")
	@Operation(operationId = "mergeDuplicates",
			summary = "Merges a duplicate customer into the survivor the steward chose",
			description = "The survivor gets the contact media, accounts, payment methods, related parties, "
					+ "identifications, characteristics (its own value wins on a shared name) and credit profiles it "
					+ "lacks and all agreements; the merged customer is closed (statusReason 'merged into <id>') and "
					+ "its address answers 308 with the survivor's Location from then on, which is how records "
					+ "elsewhere (interactions) that keep the merged id reach the survivor.")
	@ApiResponse(responseCode = "201", description = "Created; Location gives its address")
	ResponseEntity<MergeView> merge(@Valid @RequestBody MergeRequest request) {
		Merged merged = this.merges.merge(request.mergedId(), request.survivorId(), request.note(),
				this.caller.get().subject());
		return ApiResponses.created(merged.merge().id().toString(), view(merged.merge(), merged.agreementsMoved()));
	}

	@GetMapping("/merge/{id}")
	@Operation(operationId = "retrieveMerge", summary = "Retrieves the record of a merge of duplicates")
	MergeView mergeRecord(@PathVariable String id) {
		return ApiResponses.parseId(id)
			.flatMap(this.customerMerges::find)
			.map((merge) -> view(merge, null))
			.orElseThrow(() -> ApiProblemException.notFound("merge", id));
	}

	@GetMapping(path = "/report", produces = { MediaType.APPLICATION_JSON_VALUE, CSV })
	@Operation(operationId = "retrieveQualityReport",
			summary = "The quality report of a completed run (the latest unless run= names one)",
			description = "Scores overall and per rule over the completed runs, findings by rule, severity and source "
					+ "system, and the top shortcomings; format=csv (or Accept: text/csv) for CSV.")
	@ApiResponse(responseCode = "200", description = "The report",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = QualityReports.Report.class)),
					@Content(mediaType = CSV, schema = @Schema(type = "string")) })
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
		boolean csv = "csv".equals(format) || (format == null && accept != null && accept.startsWith(CSV));
		if (csv) {
			return ResponseEntity.ok()
				.contentType(CsvWriter.TEXT_CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						"attachment; filename=\"quality-report-" + report.run().runId() + ".csv\"")
				.body(QualityReports.csv(report));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
	}

	private RunView view(Run run) {
		Instant now = this.clock.instant();
		Double rate = run.recordsPerSecond(now);
		return new RunView(run.id().toString(), BASE_PATH + "/run/" + run.id(), "QualityRun", run.status(),
				run.dataSource(), run.requestedBy(), run.startedAt(), run.finishedAt(), run.total(), run.checked(),
				run.findings(), (run.total() == 0) ? 1.0 : (double) run.checked() / run.total(), rate,
				run.estimatedCompletion(now), run.heartbeatAt(), run.failure());
	}

	private static FindingView view(Finding finding) {
		return new FindingView(finding.id().toString(), BASE_PATH + "/finding/" + finding.id(), "QualityFinding",
				finding.rule(), finding.severity(), finding.status(), finding.statusReason(),
				customerRef(finding.customerId()),
				(finding.relatedCustomerId() != null) ? customerRef(finding.relatedCustomerId()) : null,
				finding.fields(), finding.message(), finding.dataSource(), finding.firstRunId(), finding.lastRunId(),
				finding.firstFoundAt(), finding.lastFoundAt(), finding.statusChangedBy(), finding.statusChangedAt());
	}

	private static VerificationView view(Verification verification) {
		return new VerificationView(verification.id().toString(), BASE_PATH + "/verification/" + verification.id(),
				"QualityVerification", customerRef(verification.customerId()), verification.outcome(),
				verification.note(), verification.verifiedBy(), verification.verifiedAt());
	}

	private static MergeView view(CustomerMerges.Merge merge, Integer agreementsMoved) {
		return new MergeView(merge.id().toString(), BASE_PATH + "/merge/" + merge.id(), "CustomerMerge",
				customerRef(merge.mergedId()), customerRef(merge.survivorId()), merge.mergedBy(), merge.mergedAt(),
				merge.note(), (merge.contactMediaMoved() >= 0) ? merge.contactMediaMoved() : null,
				(merge.referencesMoved() >= 0) ? merge.referencesMoved() : null,
				(merge.partyDetailsMoved() >= 0) ? merge.partyDetailsMoved() : null, agreementsMoved);
	}

	private static CustomerRef customerRef(UUID id) {
		return new CustomerRef(id.toString(), CustomerApi.BASE_PATH + "/" + id);
	}

	/**
	 * @param dataSource only the customers this system fed; all customers when absent
	 */
	record RunRequest(@Size(max = 100) String dataSource) {
	}

	record VerificationRequest(@NotBlank String customerId,
			@NotBlank @Pattern(regexp = "verified|corrected|disputed",
					message = "must be verified, corrected or disputed") String outcome,
			@Size(max = 2000) String note) {
	}

	/**
	 * A finding's status is set whole: the reason given with the status replaces the
	 * reason it had.
	 */
	record FindingChange(
			@NotBlank @Pattern(regexp = "open|resolved|accepted",
					message = "must be open, resolved or accepted") String status,
			@Size(max = 500) String statusReason) {
	}

	record MergeRequest(@NotBlank String survivorId, @NotBlank String mergedId, @Size(max = 1000) String note) {
	}

	record QualityRuleView(String id, String dimension, String description, boolean enabled, String severity,
			Double threshold) {
	}

	/**
	 * @param progress the share of the total checked, 0 to 1
	 * @param recordsPerSecond customers checked per second since the run started or was
	 * last taken over
	 * @param estimatedCompletion when a running run should finish at that rate
	 */
	record RunView(String id, String href, @JsonProperty("@type") String type, String status, String dataSource,
			String requestedBy, Instant startedAt, Instant finishedAt, long total, long checked, long findings,
			double progress, Double recordsPerSecond, Instant estimatedCompletion, Instant heartbeat, String failure) {
	}

	record CustomerRef(String id, String href) {
	}

	record FindingView(String id, String href, @JsonProperty("@type") String type, String rule, String severity,
			String status, String statusReason, CustomerRef customer, CustomerRef relatedCustomer, List<String> fields,
			String message, String dataSource, UUID firstRunId, UUID lastRunId, Instant firstFoundAt,
			Instant lastFoundAt, String statusChangedBy, Instant statusChangedAt) {
	}

	record VerificationView(String id, String href, @JsonProperty("@type") String type, CustomerRef customer,
			String outcome, String note, String verifiedBy, Instant verifiedAt) {
	}

	record MergeView(String id, String href, @JsonProperty("@type") String type, CustomerRef merged,
			CustomerRef survivor, String mergedBy, Instant mergedAt, String note, Integer contactMediaMoved,
			Integer referencesMoved, Integer partyDetailsMoved, Integer agreementsMoved) {
	}

}
