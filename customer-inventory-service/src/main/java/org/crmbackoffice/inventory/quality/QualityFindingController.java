package org.crmbackoffice.inventory.quality;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.inventory.quality.QualityFindings.Finding;
import org.crmbackoffice.inventory.quality.QualityFindings.Verification;
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

/**
 * What audits and stewards found: findings to resolve or accept, and stewards'
 * verifications of customers.
 */
@RestController
@Validated
@RequestMapping(path = QualityPaths.BASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = QualityPaths.TAG, description = QualityPaths.TAG_DESCRIPTION)
class QualityFindingController {

	private final QualityFindings findings;

	private final CurrentCaller caller;

	QualityFindingController(QualityFindings findings, CurrentCaller caller) {
		this.findings = findings;
		this.caller = caller;
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
		List<FindingView> items = page.items().stream().map(QualityFindingController::view).toList();
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
		return this.findings.verificationsOf(customerId).stream().map(QualityFindingController::view).toList();
	}

	private static FindingView view(Finding finding) {
		return new FindingView(finding.id().toString(), QualityPaths.BASE_PATH + "/finding/" + finding.id(),
				"QualityFinding", finding.rule(), finding.severity(), finding.status(), finding.statusReason(),
				CustomerRef.of(finding.customerId()),
				(finding.relatedCustomerId() != null) ? CustomerRef.of(finding.relatedCustomerId()) : null,
				finding.fields(), finding.message(), finding.dataSource(), finding.firstRunId(), finding.lastRunId(),
				finding.firstFoundAt(), finding.lastFoundAt(), finding.statusChangedBy(), finding.statusChangedAt());
	}

	private static VerificationView view(Verification verification) {
		return new VerificationView(verification.id().toString(),
				QualityPaths.BASE_PATH + "/verification/" + verification.id(), "QualityVerification",
				CustomerRef.of(verification.customerId()), verification.outcome(), verification.note(),
				verification.verifiedBy(), verification.verifiedAt());
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

	record FindingView(String id, String href, @JsonProperty("@type") String type, String rule, String severity,
			String status, String statusReason, CustomerRef customer, CustomerRef relatedCustomer, List<String> fields,
			String message, String dataSource, UUID firstRunId, UUID lastRunId, Instant firstFoundAt,
			Instant lastFoundAt, String statusChangedBy, Instant statusChangedAt) {
	}

	record VerificationView(String id, String href, @JsonProperty("@type") String type, CustomerRef customer,
			String outcome, String note, String verifiedBy, Instant verifiedAt) {
	}

}
