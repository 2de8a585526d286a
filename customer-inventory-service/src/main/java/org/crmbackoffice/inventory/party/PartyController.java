package org.crmbackoffice.inventory.party;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.crmbackoffice.inventory.interactions.InteractionsOfCustomers;
import org.crmbackoffice.inventory.party.PartyService.Versioned;
import org.crmbackoffice.model.party.Individual;
import org.crmbackoffice.model.party.Organization;
import org.crmbackoffice.model.party.Party;
import org.crmbackoffice.model.party.PartyApi;
import org.crmbackoffice.support.idempotency.IdempotencyKeys;
import org.crmbackoffice.support.web.ApiResponses;
import org.crmbackoffice.support.web.FieldSelection;
import org.crmbackoffice.support.web.JsonMergePatch;
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
 * The TMF632 operations on one kind of party; {@link Individuals} and
 * {@link Organizations} serve them at their paths.
 */
abstract class PartyController<P extends Party> {

	private final Class<P> kind;

	private final PartyService parties;

	private final InteractionsOfCustomers interactions;

	private final JsonMapper json;

	PartyController(Class<P> kind, PartyService parties, InteractionsOfCustomers interactions, JsonMapper json) {
		this.kind = kind;
		this.parties = parties;
		this.interactions = interactions;
		this.json = json;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Creates a party",
			description = "With an Idempotency-Key, a repeated request answers "
					+ "with the party the first one created.")
	@ApiResponse(responseCode = "201", description = "Created; Location gives its address")
	ResponseEntity<Party> create(@Valid @RequestBody P request,
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
		Versioned created = this.parties.create(request, idempotencyKey);
		return ResponseEntity.status(201)
			.location(ApiResponses.locationOf(created.party().id()))
			.eTag(ApiResponses.etagOf(created.version()))
			.body(created.party());
	}

	@GetMapping
	@Operation(summary = "Lists parties of this kind, newest first", description = """
			All filters given must hold. A business partner sees only the party its own customer record \
			engages.""")
	@Parameter(name = "id", in = ParameterIn.QUERY, description = "Parties by id, one or several comma-separated")
	@Parameter(name = "href", in = ParameterIn.QUERY,
			description = "Parties by address, one or several comma-separated")
	@Parameter(name = "name", in = ParameterIn.QUERY,
			description = "The whole name (an organization's, or an individual's full name), case ignored")
	@Parameter(name = "givenName", in = ParameterIn.QUERY, description = "An individual's given name, case ignored")
	@Parameter(name = "familyName", in = ParameterIn.QUERY, description = "An individual's family name, case ignored")
	@Parameter(name = "tradingName", in = ParameterIn.QUERY,
			description = "An organization's trading name, case ignored")
	@Parameter(name = "status", in = ParameterIn.QUERY, description = "One or several statuses, comma-separated")
	ResponseEntity<List<?>> list(@Parameter(hidden = true) @RequestParam Map<String, String> parameters,
			@RequestParam(defaultValue = "0") @Min(0) long offset,
			@RequestParam(defaultValue = "20") @Min(1) @Max(OffsetLimit.MAX_LIMIT) int limit,
			@RequestParam(required = false) String fields) {
		Page<Party> page = this.parties.list(this.kind, parameters, new OffsetLimit(offset, limit, null));
		return ApiResponses.list(page, FieldSelection.select(page.getContent(), fields, this.json));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Retrieves a party by id, with its ETag")
	ResponseEntity<Party> retrieve(@PathVariable String id) {
		return versioned(this.parties.retrieve(this.kind, id));
	}

	@PatchMapping(path = "/{id}", consumes = { JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "Changes a party with a JSON merge patch", description = "If-Match with the ETag of "
			+ "the last read refuses the change (412) when someone else changed it meanwhile. The customers that "
			+ "engage it show its new name.")
	ResponseEntity<Party> patch(@PathVariable String id, @RequestBody JsonNode patch,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return versioned(this.parties.patch(this.kind, id, patch, ApiResponses.versionOf(ifMatch)));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Deletes a party no customer engages any more",
			description = "Deleting is erasing: the "
					+ "party is anonymised here and in the interaction log and answers 404 from then on. 409 while a "
					+ "customer still engages it.")
	@ApiResponse(responseCode = "204", description = "Deleted")
	ResponseEntity<Void> delete(@PathVariable String id) {
		this.parties.checkDeletable(this.kind, id);
		// Erased in the interaction log first, outside the transaction: a failure there
		// leaves nothing erased
		// here, and the request can simply be repeated.
		String pseudonym = this.interactions.erase(id).pseudonym();
		this.parties.delete(this.kind, id, pseudonym);
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<Party> versioned(Versioned party) {
		return ResponseEntity.ok().eTag(ApiResponses.etagOf(party.version())).body(party.party());
	}

	@RestController
	@RequestMapping(path = PartyApi.INDIVIDUAL_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	@Tag(name = "individual", description = "TMF632 individuals, the people customers are")
	static class Individuals extends PartyController<Individual> {

		Individuals(PartyService parties, InteractionsOfCustomers interactions, JsonMapper json) {
			super(Individual.class, parties, interactions, json);
		}

	}

	@RestController
	@RequestMapping(path = PartyApi.ORGANIZATION_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	@Tag(name = "organization", description = "TMF632 organizations, the companies and bodies customers are")
	static class Organizations extends PartyController<Organization> {

		Organizations(PartyService parties, InteractionsOfCustomers interactions, JsonMapper json) {
			super(Organization.class, parties, interactions, json);
		}

	}

}
