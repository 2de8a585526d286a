package org.crmbackoffice.inventory.customer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.crmbackoffice.inventory.contact.PhoneNumbers;
import org.crmbackoffice.inventory.customer.CustomerService.Created;
import org.crmbackoffice.inventory.customer.CustomerService.Versioned;
import org.crmbackoffice.inventory.interactions.RecentInteractionsOfCustomers;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.customer.CustomerCreate;
import org.crmbackoffice.model.customer.CustomerStatus;
import org.crmbackoffice.support.idempotency.IdempotencyKeys;
import org.crmbackoffice.support.web.ApiResponses;
import org.crmbackoffice.support.web.FieldSelection;
import org.crmbackoffice.support.web.JsonMergePatch;
import org.crmbackoffice.support.web.OffsetLimit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping(path = CustomerApi.BASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "customer", description = "TMF629 customer records")
class CustomerController {

	static final String RECENT_INTERACTIONS = "recentInteractions";

	private final CustomerService customers;

	private final RecentInteractionsOfCustomers recentInteractions;

	private final PhoneNumbers phoneNumbers;

	private final JsonMapper json;

	private final CustomerMerges merges;

	CustomerController(CustomerService customers, RecentInteractionsOfCustomers recentInteractions,
			PhoneNumbers phoneNumbers, JsonMapper json, CustomerMerges merges) {
		this.customers = customers;
		this.merges = merges;
		this.recentInteractions = recentInteractions;
		this.phoneNumbers = phoneNumbers;
		this.json = json;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Creates a customer",
			description = "With an Idempotency-Key, a repeated request answers "
					+ "with the customer the first one created.")
	@ApiResponse(responseCode = "201", description = "Created; Location gives its address")
	ResponseEntity<Customer> create(@Valid @RequestBody CustomerCreate request,
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
		Created created = this.customers.create(request, idempotencyKey);
		return ApiResponses.created(created.customer().id(), created.version(), created.replayed(), created.customer());
	}

	@GetMapping
	@Operation(summary = "Lists customers, newest or best matching first", description = """
			All filters given must hold; dates compare with .gt, .gte, .lt or .lte, e.g. \
			creationDate.gte=2026-01-01T00:00:00Z. With q, best matches come first. sort: name, \
			creationDate, lastUpdate, status (prefix - for descending). An unknown filter or sort key, or a value \
			that cannot be read, is a 400.""")
	@CustomerFilters
	ResponseEntity<List<?>> list(@Parameter(hidden = true) @RequestParam Map<String, String> parameters,
			@RequestParam(defaultValue = "0") @Min(0) long offset,
			@RequestParam(defaultValue = "20") @Min(1) @Max(OffsetLimit.MAX_LIMIT) int limit,
			@RequestParam(required = false) String fields) {
		CustomerQuery query = CustomerQuery.of(parameters, this.phoneNumbers);
		Page<Customer> page = this.customers.list(query, new OffsetLimit(offset, limit, query.sort()));
		return ApiResponses.list(page, FieldSelection.select(page.getContent(), fields, this.json));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Retrieves a customer by id, with its ETag",
			description = "With expand=recentInteractions, the customer's latest interactions from the interaction "
					+ "service come with it (the 360 view); while that service cannot be asked they are marked "
					+ "unavailable and the customer is answered all the same. A customer merged into another as its "
					+ "duplicate answers 308 with the Location of the survivor.")
	ResponseEntity<Customer> retrieve(@PathVariable String id,
			@Parameter(description = "recentInteractions adds the latest interactions with the customer") @RequestParam(
					required = false) @Pattern(regexp = RECENT_INTERACTIONS,
							message = "can only be " + RECENT_INTERACTIONS) String expand) {
		Versioned customer = this.customers.retrieve(id);
		// Only closed records can have been merged: the others cost no extra query.
		if (customer.customer().status() == CustomerStatus.CLOSED) {
			Optional<UUID> survivor = this.merges.survivorOf(UUID.fromString(customer.customer().id()));
			if (survivor.isPresent()) {
				return ResponseEntity.status(HttpStatus.PERMANENT_REDIRECT)
					.location(ServletUriComponentsBuilder.fromCurrentRequest()
						.replacePath(CustomerMapper.hrefOf(survivor.get().toString()))
						.build()
						.toUri())
					.build();
			}
		}
		if (expand == null) {
			return versioned(customer);
		}
		// Asked after the customer's transaction ended: a slow interaction service must
		// not hold a connection.
		Customer withInteractions = customer.customer()
			.withRecentInteractions(this.recentInteractions.of(customer.customer().id()));
		return ResponseEntity.ok().eTag(ApiResponses.etagOf(customer.version())).body(withInteractions);
	}

	@PatchMapping(path = "/{id}", consumes = { JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "Changes a customer with a JSON merge patch",
			description = "The status moves initialized -> approved -> suspended <-> approved, and to closed from any "
					+ "(409 with the allowed transitions otherwise); closing needs the close permission. If-Match with "
					+ "the ETag of the last read refuses the change (412) when someone else changed the customer "
					+ "meanwhile.")
	ResponseEntity<Customer> patch(@PathVariable String id, @RequestBody JsonNode patch,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return versioned(this.customers.patch(id, patch, ApiResponses.versionOf(ifMatch)));
	}

	private static ResponseEntity<Customer> versioned(Versioned customer) {
		return ResponseEntity.ok().eTag(ApiResponses.etagOf(customer.version())).body(customer.customer());
	}

}
