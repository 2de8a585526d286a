package org.crmbackoffice.inventory.agreement;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.crmbackoffice.inventory.agreement.AgreementService.Created;
import org.crmbackoffice.inventory.agreement.AgreementService.Versioned;
import org.crmbackoffice.model.agreement.Agreement;
import org.crmbackoffice.model.agreement.AgreementApi;
import org.crmbackoffice.model.agreement.AgreementCreate;
import org.crmbackoffice.model.agreement.AgreementStatus;
import org.crmbackoffice.support.idempotency.IdempotencyKeys;
import org.crmbackoffice.support.web.ApiResponses;
import org.crmbackoffice.support.web.JsonMergePatch;
import org.crmbackoffice.support.web.OffsetLimit;
import tools.jackson.databind.JsonNode;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
@RequestMapping(path = AgreementApi.BASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "agreement", description = "TMF651 agreements (contracts) established with customers")
class AgreementController {

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"));

	private final AgreementService agreements;

	AgreementController(AgreementService agreements) {
		this.agreements = agreements;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Establishes an agreement with a customer",
			description = "Exactly one engaged party refers to a Customer of this inventory (422 if there is none such, "
					+ "409 if it is closed). With an Idempotency-Key, a repeated request answers with the agreement "
					+ "the first one created.")
	@ApiResponse(responseCode = "201", description = "Created; Location gives its address")
	ResponseEntity<Agreement> create(@Valid @RequestBody AgreementCreate request,
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
		Created created = this.agreements.create(request, idempotencyKey);
		return ApiResponses.created(created.agreement().id(), created.version(), created.replayed(),
				created.agreement());
	}

	@GetMapping
	@Operation(summary = "Lists agreements, newest first")
	ResponseEntity<List<Agreement>> list(
			@Parameter(name = "engagedParty.id", description = "only the agreements of this customer") @RequestParam(
					name = "engagedParty.id", required = false) UUID customerId,
			@Parameter(
					description = "The agreement status: initialized, active, suspended or terminated") @RequestParam(
							required = false) @Pattern(regexp = "initialized|active|suspended|terminated",
									message = "must be one of initialized, active, suspended, terminated") String status,
			@RequestParam(defaultValue = "0") @Min(0) long offset,
			@RequestParam(defaultValue = "20") @Min(1) @Max(OffsetLimit.MAX_LIMIT) int limit) {
		AgreementStatus only = (status != null) ? AgreementStatus.of(status) : null;
		return ApiResponses.list(this.agreements.list(customerId, only, new OffsetLimit(offset, limit, NEWEST_FIRST)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Retrieves an agreement by id, with its ETag")
	ResponseEntity<Agreement> retrieve(@PathVariable String id) {
		return versioned(this.agreements.retrieve(id));
	}

	@PatchMapping(path = "/{id}", consumes = { JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "Changes an agreement with a JSON merge patch",
			description = "The status moves initialized -> active -> suspended <-> active, and to terminated from any "
					+ "(409 with the allowed transitions otherwise); the customer cannot change. If-Match with the "
					+ "ETag of the last read refuses the change (412) when someone else changed it meanwhile.")
	ResponseEntity<Agreement> patch(@PathVariable String id, @RequestBody JsonNode patch,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return versioned(this.agreements.patch(id, patch, ApiResponses.versionOf(ifMatch)));
	}

	private static ResponseEntity<Agreement> versioned(Versioned agreement) {
		return ResponseEntity.ok().eTag(ApiResponses.etagOf(agreement.version())).body(agreement.agreement());
	}

}
