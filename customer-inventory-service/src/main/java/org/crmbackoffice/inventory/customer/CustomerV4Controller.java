package org.crmbackoffice.inventory.customer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.crmbackoffice.inventory.contact.PhoneNumbers;
import org.crmbackoffice.inventory.customer.CustomerService.Created;
import org.crmbackoffice.inventory.customer.CustomerService.Versioned;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerUpdate;
import org.crmbackoffice.model.customer.v4.CustomerChangeV4;
import org.crmbackoffice.model.customer.v4.CustomerV4;
import org.crmbackoffice.support.idempotency.IdempotencyKeys;
import org.crmbackoffice.support.web.ApiResponses;
import org.crmbackoffice.support.web.FieldSelection;
import org.crmbackoffice.support.web.JsonMergePatch;
import org.crmbackoffice.support.web.MergePatcher;
import org.crmbackoffice.support.web.OffsetLimit;
import org.crmbackoffice.support.web.RequestValidation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
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

/**
 * TMF629 v4.0.0 for the clients that still speak it: the same customers, permissions,
 * lifecycle, audit trail and events as v5, shown and changed in the v4 shape. A customer
 * created in v4 refers to its engaged party, as v4 has it; the party's data stays where
 * it is held.
 */
@RestController
@RequestMapping(path = CustomerV4Mapper.BASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "customer v4", description = "TMF629 v4.0.0 over the same customers as v5")
class CustomerV4Controller {

	private final MergePatcher patches;

	private final CustomerService customers;

	private final PhoneNumbers phoneNumbers;

	private final JsonMapper json;

	private final Validator validator;

	CustomerV4Controller(CustomerService customers, PhoneNumbers phoneNumbers, JsonMapper json, Validator validator,
			MergePatcher patches) {
		this.patches = patches;
		this.customers = customers;
		this.phoneNumbers = phoneNumbers;
		this.json = json;
		this.validator = validator;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Creates a customer (v4)",
			description = "Takes a TMF629 v4 Customer_Create; the customer is also readable on the v5 API.")
	@ApiResponse(responseCode = "201", description = "Created; Location gives its address")
	ResponseEntity<CustomerV4> create(@Valid @RequestBody CustomerChangeV4 request,
			@RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
		Created created = this.customers.create(
				RequestValidation.check(CustomerV4Mapper.toCreate(request), this.validator, "The customer"),
				idempotencyKey);
		return ApiResponses.created(created.customer().id(), created.version(), created.replayed(),
				CustomerV4Mapper.toV4(created.customer()));
	}

	@GetMapping
	@Operation(summary = "Lists customers (v4)", description = "The filters, search, sort and fields of v5.")
	@CustomerFilters
	ResponseEntity<List<?>> list(@Parameter(hidden = true) @RequestParam Map<String, String> parameters,
			@RequestParam(defaultValue = "0") @Min(0) long offset,
			@RequestParam(defaultValue = "20") @Min(1) @Max(OffsetLimit.MAX_LIMIT) int limit,
			@RequestParam(required = false) String fields) {
		CustomerQuery query = CustomerQuery.of(parameters, this.phoneNumbers);
		Page<CustomerV4> page = this.customers.list(query, new OffsetLimit(offset, limit, query.sort()))
			.map(CustomerV4Mapper::toV4);
		return ApiResponses.list(page, FieldSelection.select(page.getContent(), fields, this.json));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Retrieves a customer by id, with its ETag (v4)")
	ResponseEntity<CustomerV4> retrieve(@PathVariable String id) {
		return versioned(this.customers.retrieve(id));
	}

	@PatchMapping(path = "/{id}", consumes = { JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "Changes a customer with a JSON merge patch of its v4 shape", description = """
			The same rules as v5. The engaged party, contact media and related parties keep what v4 cannot show \\
			of them unless the patch names them.""")
	ResponseEntity<CustomerV4> patch(@PathVariable String id, @RequestBody JsonNode patch,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return versioned(
				this.customers.change(id, (current) -> merged(current, patch), ApiResponses.versionOf(ifMatch)));
	}

	private CustomerUpdate merged(Customer current, JsonNode patch) {
		CustomerChangeV4 patched = this.patches.apply(CustomerV4Mapper.toChange(current), patch,
				CustomerChangeV4.class);
		Set<String> named = patch.propertyStream().map(Map.Entry::getKey).collect(Collectors.toSet());
		return RequestValidation.check(CustomerV4Mapper.toUpdate(patched, current, named), this.validator,
				"The patched customer");
	}

	private static ResponseEntity<CustomerV4> versioned(Versioned customer) {
		return ResponseEntity.ok()
			.eTag(ApiResponses.etagOf(customer.version()))
			.body(CustomerV4Mapper.toV4(customer.customer()));
	}

}
