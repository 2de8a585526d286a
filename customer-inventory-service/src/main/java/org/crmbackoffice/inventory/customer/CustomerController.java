package org.crmbackoffice.inventory.customer;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.crmbackoffice.model.customer.Customer;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.customer.CustomerCreate;
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
@RequestMapping(path = CustomerApi.BASE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "customer", description = "TMF629 customer records")
class CustomerController {

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"));

	private final CustomerService customers;

	CustomerController(CustomerService customers) {
		this.customers = customers;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Creates a customer")
	ResponseEntity<Customer> create(@Valid @RequestBody CustomerCreate request) {
		Customer created = this.customers.create(request);
		return ApiResponses.created(created.id(), created);
	}

	@GetMapping
	@Operation(summary = "Lists customers, newest first")
	ResponseEntity<List<Customer>> list(@RequestParam(defaultValue = "0") @Min(0) long offset,
			@RequestParam(defaultValue = "20") @Min(1) @Max(OffsetLimit.MAX_LIMIT) int limit) {
		return ApiResponses.list(this.customers.list(new OffsetLimit(offset, limit, NEWEST_FIRST)));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Retrieves a customer by id")
	Customer retrieve(@PathVariable String id) {
		return this.customers.retrieve(id);
	}

}
