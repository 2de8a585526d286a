package org.crmbackoffice.interactions.interaction;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.crmbackoffice.interactions.interaction.PartyInteractionService.Created;
import org.crmbackoffice.interactions.interaction.PartyInteractionService.Versioned;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionUpdate;
import org.crmbackoffice.model.interaction.v4.PartyInteractionChangeV4;
import org.crmbackoffice.model.interaction.v4.PartyInteractionV4;
import org.crmbackoffice.support.idempotency.IdempotencyKeys;
import org.crmbackoffice.support.web.ApiResponses;
import org.crmbackoffice.support.web.FieldSelection;
import org.crmbackoffice.support.web.JsonMergePatch;
import org.crmbackoffice.support.web.MergePatcher;
import org.crmbackoffice.support.web.OffsetLimit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * TMF683 v4.0.0 for the clients that still speak it: the same interactions, permissions,
 * lifecycle and track record as v5, shown and changed in the v4 shape.
 */
@RestController
@RequestMapping(path = PartyInteractionV4Mapper.BASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "partyInteraction v4", description = "TMF683 v4.0.0 over the same interactions as v5")
class PartyInteractionV4Controller {

	private final MergePatcher patches;

	private final PartyInteractionService interactions;

	private final JsonMapper json;

	PartyInteractionV4Controller(PartyInteractionService interactions, JsonMapper json, MergePatcher patches) {
		this.patches = patches;
		this.interactions = interactions;
		this.json = json;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Logs an interaction (v4)",
			description = "Takes a TMF683 v4 PartyInteraction_Create; "
					+ "the interaction is also readable on the v5 API.")
	@ApiResponse(responseCode = "201", description = "Created; Location gives its address")
	ResponseEntity<PartyInteractionV4> create(@Valid @RequestBody PartyInteractionChangeV4 request,
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
			@RequestHeader(name = PartyInteractionController.CHANNEL_HEADER, required = false) String channel) {
		Created created = this.interactions.create(PartyInteractionV4Mapper.toCreate(request), idempotencyKey,
				PartyInteractionController.checked(channel));
		return ApiResponses.created(created.interaction().id(), created.version(), created.replayed(),
				PartyInteractionV4Mapper.toV4(created.interaction()));
	}

	@GetMapping
	@Operation(summary = "Lists interactions, most recent first (v4)", description = """
			The filters of v5 under their v4 names (channel.id, relatedParty.id, interactionItem.item.id) or \
			their v5 names; sort as in v5.""")
	@InteractionFilters
	@Parameter(name = "channel.id", in = ParameterIn.QUERY, description = "v4 name of relatedChannel.channel.id")
	@Parameter(name = "channel.name", in = ParameterIn.QUERY, description = "v4 name of relatedChannel.channel.name")
	@Parameter(name = "channel.role", in = ParameterIn.QUERY, description = "v4 name of relatedChannel.role")
	@Parameter(name = "relatedParty.id", in = ParameterIn.QUERY,
			description = "v4 name of relatedParty.partyOrPartyRole.id")
	@Parameter(name = "relatedParty.@referredType", in = ParameterIn.QUERY,
			description = "v4 name of relatedParty.partyOrPartyRole.@referredType")
	@Parameter(name = "interactionItem.item.id", in = ParameterIn.QUERY,
			description = "v4 name of interactionItem.item.entity.id")
	ResponseEntity<List<?>> list(@Parameter(hidden = true) @RequestParam Map<String, String> parameters,
			@RequestParam(defaultValue = "0") @Min(0) long offset,
			@RequestParam(defaultValue = "20") @Min(1) @Max(OffsetLimit.MAX_LIMIT) int limit,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String fields) {
		Page<PartyInteractionV4> page = this.interactions
			.list(InteractionQuery.of(PartyInteractionV4Mapper.v5Parameters(parameters)),
					new OffsetLimit(offset, limit, PartyInteractionController.sortOf(sort)))
			.map(PartyInteractionV4Mapper::toV4);
		return ApiResponses.list(page, FieldSelection.select(page.getContent(), fields, this.json));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Retrieves an interaction by id, with its ETag (v4)")
	ResponseEntity<PartyInteractionV4> retrieve(@PathVariable String id) {
		return versioned(this.interactions.retrieve(id));
	}

	@PatchMapping(path = "/{id}", consumes = { JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "Changes an interaction with a JSON merge patch of its v4 shape", description = """
			The same rules as v5: lifecycle moves (409), notes only added, If-Match (412). Channels, parties and \\
			items the patch does not name keep what v4 cannot show of them.""")
	ResponseEntity<PartyInteractionV4> patch(@PathVariable String id, @RequestBody JsonNode patch,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = PartyInteractionController.CHANNEL_HEADER, required = false) String channel) {
		return versioned(this.interactions.change(id, (current) -> merged(current, patch),
				ApiResponses.versionOf(ifMatch), PartyInteractionController.checked(channel)));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Deletes an interaction from the API (v4 and v5 alike)")
	@ApiResponse(responseCode = "204", description = "Deleted")
	ResponseEntity<Void> delete(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = PartyInteractionController.CHANNEL_HEADER, required = false) String channel) {
		this.interactions.delete(id, ApiResponses.versionOf(ifMatch), PartyInteractionController.checked(channel));
		return ResponseEntity.noContent().build();
	}

	private PartyInteractionUpdate merged(PartyInteraction current, JsonNode patch) {
		PartyInteractionChangeV4 patched = this.patches.apply(PartyInteractionV4Mapper.toChange(current), patch,
				PartyInteractionChangeV4.class);
		Set<String> named = patch.propertyStream().map(Map.Entry::getKey).collect(Collectors.toSet());
		return PartyInteractionV4Mapper.toUpdate(patched, current, named);
	}

	private static ResponseEntity<PartyInteractionV4> versioned(Versioned interaction) {
		return ResponseEntity.ok()
			.eTag(ApiResponses.etagOf(interaction.version()))
			.body(PartyInteractionV4Mapper.toV4(interaction.interaction()));
	}

}
