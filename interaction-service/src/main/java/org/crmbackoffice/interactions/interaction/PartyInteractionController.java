package org.crmbackoffice.interactions.interaction;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.support.web.ApiResponses;
import org.crmbackoffice.support.web.OffsetLimit;

import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = PartyInteractionMapper.BASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "partyInteraction", description = "TMF683 interactions between business partners and the enterprise")
class PartyInteractionController {

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("interactionStart"), Sort.Order.asc("id"));

	private final PartyInteractionService interactions;

	PartyInteractionController(PartyInteractionService interactions) {
		this.interactions = interactions;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Logs an interaction",
			description = "Related parties referring to a Customer must exist in the customer inventory (422 otherwise; "
					+ "503 while the inventory cannot be reached).")
	ResponseEntity<PartyInteraction> create(@Valid @RequestBody PartyInteractionCreate request) {
		PartyInteraction created = this.interactions.create(request);
		return ApiResponses.created(created.id(), created);
	}

	@GetMapping
	@Operation(summary = "Lists interactions, most recent first")
	ResponseEntity<List<PartyInteraction>> list(@RequestParam(defaultValue = "0") @Min(0) long offset,
			@RequestParam(defaultValue = "20") @Min(1) @Max(OffsetLimit.MAX_LIMIT) int limit) {
		return ApiResponses.list(this.interactions.list(new OffsetLimit(offset, limit, NEWEST_FIRST)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Retrieves an interaction by id")
	PartyInteraction retrieve(@PathVariable String id) {
		return this.interactions.retrieve(id);
	}

}
