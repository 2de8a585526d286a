package org.crmbackoffice.inventory.quality;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.inventory.quality.QualityRuns.Run;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.security.CurrentCaller;
import org.crmbackoffice.support.web.ApiResponses;
import org.crmbackoffice.support.web.OffsetLimit;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The automated audit: its rules, and runs over the customer records. */
@RestController
@Validated
@RequestMapping(path = QualityPaths.BASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = QualityPaths.TAG, description = QualityPaths.TAG_DESCRIPTION)
class QualityRunController {

	private final QualityRuns runs;

	private final QualityRules rules;

	private final CurrentCaller caller;

	private final Clock clock;

	QualityRunController(QualityRuns runs, QualityRules rules, CurrentCaller caller, Clock clock) {
		this.runs = runs;
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

	private RunView view(Run run) {
		Instant now = this.clock.instant();
		Double rate = run.recordsPerSecond(now);
		return new RunView(run.id().toString(), QualityPaths.BASE_PATH + "/run/" + run.id(), "QualityRun", run.status(),
				run.dataSource(), run.requestedBy(), run.startedAt(), run.finishedAt(), run.total(), run.checked(),
				run.findings(), (run.total() == 0) ? 1.0 : (double) run.checked() / run.total(), rate,
				run.estimatedCompletion(now), run.heartbeatAt(), run.failure());
	}

	/**
	 * @param dataSource only the customers this system fed; all customers when absent
	 */
	record RunRequest(@Size(max = 100) String dataSource) {
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

}
