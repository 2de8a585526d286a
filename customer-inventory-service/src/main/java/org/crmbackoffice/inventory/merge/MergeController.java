package org.crmbackoffice.inventory.merge;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.inventory.customer.CustomerMerges;
import org.crmbackoffice.inventory.merge.DuplicateMerges.Merged;
import org.crmbackoffice.inventory.quality.CustomerRef;
import org.crmbackoffice.inventory.quality.QualityPaths;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.security.CurrentCaller;
import org.crmbackoffice.support.web.ApiResponses;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Merges of duplicate customers, as data stewards resolve them. */
@RestController
@Validated
@RequestMapping(path = QualityPaths.BASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = QualityPaths.TAG, description = QualityPaths.TAG_DESCRIPTION)
class MergeController {

	private final DuplicateMerges merges;

	private final CustomerMerges customerMerges;

	private final CurrentCaller caller;

	MergeController(DuplicateMerges merges, CustomerMerges customerMerges, CurrentCaller caller) {
		this.merges = merges;
		this.customerMerges = customerMerges;
		this.caller = caller;
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

	private static MergeView view(CustomerMerges.Merge merge, Integer agreementsMoved) {
		return new MergeView(merge.id().toString(), QualityPaths.BASE_PATH + "/merge/" + merge.id(), "CustomerMerge",
				CustomerRef.of(merge.mergedId()), CustomerRef.of(merge.survivorId()), merge.mergedBy(),
				merge.mergedAt(), merge.note(), (merge.contactMediaMoved() >= 0) ? merge.contactMediaMoved() : null,
				(merge.referencesMoved() >= 0) ? merge.referencesMoved() : null,
				(merge.partyDetailsMoved() >= 0) ? merge.partyDetailsMoved() : null, agreementsMoved);
	}

	record MergeRequest(@NotBlank String survivorId, @NotBlank String mergedId, @Size(max = 1000) String note) {
	}

	record MergeView(String id, String href, @JsonProperty("@type") String type, CustomerRef merged,
			CustomerRef survivor, String mergedBy, Instant mergedAt, String note, Integer contactMediaMoved,
			Integer referencesMoved, Integer partyDetailsMoved, Integer agreementsMoved) {
	}

}
