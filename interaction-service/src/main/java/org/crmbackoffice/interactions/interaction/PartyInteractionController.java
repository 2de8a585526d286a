package org.crmbackoffice.interactions.interaction;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.crmbackoffice.interactions.interaction.PartyInteractionService.Created;
import org.crmbackoffice.interactions.interaction.PartyInteractionService.Versioned;
import org.crmbackoffice.model.common.Note;
import org.crmbackoffice.model.interaction.InteractionHistoryEntry;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.idempotency.IdempotencyKeys;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.FieldProblem;
import org.crmbackoffice.support.web.ApiResponses;
import org.crmbackoffice.support.web.FieldSelection;
import org.crmbackoffice.support.web.JsonMergePatch;
import org.crmbackoffice.support.web.ListParameters;
import org.crmbackoffice.support.web.OffsetLimit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
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

@RestController
@RequestMapping(path = PartyInteractionMapper.BASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "partyInteraction", description = "TMF683 interactions between business partners and the enterprise")
class PartyInteractionController {

	/** The channel a change came through, recorded in the track record. */
	static final String CHANNEL_HEADER = "X-Channel";

	private static final Map<String, String> SORTABLE = Map.of("interactionDate.startDateTime", "interactionStart",
			"creationDate", "createdAt", "lastUpdate", "updatedAt", "dueDate", "dueDate", "status", "status");

	private final PartyInteractionService interactions;

	private final JsonMapper json;

	PartyInteractionController(PartyInteractionService interactions, JsonMapper json) {
		this.interactions = interactions;
		this.json = json;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Logs an interaction", description = """
			Takes a TMF683 v5 PartyInteraction_FVO. Channels are referred to by id, or by a name of the channel \
			catalogue. Related parties referring to a Customer must exist in the customer inventory (422 \
			otherwise). While the inventory cannot be asked, the interaction is logged with customerCheck \
			"pending" and checked later. With an Idempotency-Key, a repeated request answers with the interaction \
			the first one logged.""")
	@ApiResponse(responseCode = "201", description = "Created; Location gives its address")
	ResponseEntity<PartyInteraction> create(@Valid @RequestBody PartyInteractionCreate request,
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
			@RequestHeader(name = CHANNEL_HEADER, required = false) String channel) {
		Created created = this.interactions.create(request, idempotencyKey, checked(channel));
		return ApiResponses.created(created.interaction().id(), created.version(), created.replayed(),
				created.interaction());
	}

	@GetMapping
	@Operation(summary = "Lists interactions, most recent first", description = """
			All filters given must hold; an unknown filter or a value that cannot be read is a 400. sort: \
			interactionDate.startDateTime, creationDate, lastUpdate, dueDate, status (prefix - for \
			descending).""")
	@InteractionFilters
	ResponseEntity<List<?>> list(@Parameter(hidden = true) @RequestParam Map<String, String> parameters,
			@RequestParam(defaultValue = "0") @Min(0) long offset,
			@RequestParam(defaultValue = "20") @Min(1) @Max(OffsetLimit.MAX_LIMIT) int limit,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String fields) {
		Page<PartyInteraction> page = this.interactions.list(InteractionQuery.of(parameters),
				new OffsetLimit(offset, limit, sortOf(sort)));
		return ApiResponses.list(page, FieldSelection.select(page.getContent(), fields, this.json));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Retrieves an interaction by id, with its ETag")
	ResponseEntity<PartyInteraction> retrieve(@PathVariable String id) {
		return versioned(this.interactions.retrieve(id));
	}

	@PatchMapping(path = "/{id}", consumes = { JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "Changes an interaction with a JSON merge patch",
			description = """
					application/json is read as a merge patch too, as TMF630 v5 asks. Moves the status through its \
					lifecycle (409 with the allowed transitions otherwise), changes any attribute, adds notes (existing \
					notes cannot change). If-Match with the ETag of the last read refuses the change (412) when someone else changed the interaction meanwhile.""")
	ResponseEntity<PartyInteraction> patch(@PathVariable String id, @RequestBody JsonNode patch,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = CHANNEL_HEADER, required = false) String channel) {
		return versioned(this.interactions.patch(id, patch, ApiResponses.versionOf(ifMatch), checked(channel)));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Deletes an interaction from the API", description = """
			The interaction answers 404 from then on and a PartyInteractionDeleteEvent is published. Its track \
			record stays readable to auditors at /{id}/history: deleting is not erasing. To withdraw an \
			interaction that should not go on, PATCH its status to cancelled instead.""")
	@ApiResponse(responseCode = "204", description = "Deleted")
	ResponseEntity<Void> delete(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = CHANNEL_HEADER, required = false) String channel) {
		this.interactions.delete(id, ApiResponses.versionOf(ifMatch), checked(channel));
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/{id}/note", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "addPartyInteractionNote", summary = "Adds a note to an interaction",
			description = "The author and date default to the caller and now.")
	@ApiResponse(responseCode = "201", description = "Created; Location gives its address")
	ResponseEntity<PartyInteraction> addNote(@PathVariable String id, @Valid @RequestBody Note note,
			@RequestHeader(name = CHANNEL_HEADER, required = false) String channel) {
		Versioned changed = this.interactions.addNote(id, note, checked(channel));
		return ResponseEntity.status(201).eTag(ApiResponses.etagOf(changed.version())).body(changed.interaction());
	}

	@GetMapping("/{id}/history")
	@Operation(operationId = "listPartyInteractionHistory", summary = "The track record of an interaction",
			description = "Every change since it was logged, "
					+ "oldest first: who, when, through which channel, and each attribute before and after. Auditors read "
					+ "it also after the interaction was deleted.")
	List<InteractionHistoryEntry> history(@PathVariable String id) {
		return this.interactions.history(id);
	}

	static String checked(String channel) {
		if (channel != null && (channel.isBlank() || channel.length() > 100)) {
			throw new ApiProblemException(ProblemType.INVALID_REQUEST,
					"The X-Channel header must be 1 to 100 characters.",
					List.of(new FieldProblem(CHANNEL_HEADER, "must be 1 to 100 characters")), null);
		}
		return channel;
	}

	private static ResponseEntity<PartyInteraction> versioned(Versioned interaction) {
		return ResponseEntity.ok().eTag(ApiResponses.etagOf(interaction.version())).body(interaction.interaction());
	}

	static Sort sortOf(String sort) {
		return ListParameters.sort(sort, SORTABLE, InteractionQuery.MOST_RECENT_FIRST, Sort.Order.asc("id"));
	}

}
