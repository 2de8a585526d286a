package org.crmbackoffice.support.hub;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.crmbackoffice.model.event.Delivery;
import org.crmbackoffice.model.event.Redelivery;
import org.crmbackoffice.support.web.ApiResponses;
import org.crmbackoffice.support.web.OffsetLimit;

import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "${crm.hub.delivery-path}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "delivery", description = "What the hub delivered to whom, attempt by attempt")
class DeliveryController {

	private final Deliveries deliveries;

	DeliveryController(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	@GetMapping
	@Operation(summary = "Lists deliveries, newest first")
	ResponseEntity<List<Delivery>> list(
			@Parameter(description = "Only deliveries to this listener") @RequestParam(required = false) String hubId,
			@Parameter(description = "pending, delivered or dead") @RequestParam(required = false) @Pattern(
					regexp = "pending|delivered|dead") String status,
			@RequestParam(defaultValue = "0") @Min(0) long offset,
			@RequestParam(defaultValue = "20") @Min(1) @Max(OffsetLimit.MAX_LIMIT) int limit) {
		return ApiResponses.list(this.deliveries.list(hubId, status, new OffsetLimit(offset, limit, Sort.unsorted())));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Retrieves a delivery with every attempt")
	Delivery get(@PathVariable long id) {
		return this.deliveries.get(id);
	}

	@PostMapping("/redeliver")
	@Operation(operationId = "redeliverDeadLetters", summary = "Delivers a listener's dead letters again",
			description = "After an outage of the listener longer than its retries: every delivery to it that was "
					+ "given up is owed again from now, with a fresh series of tries, in the order of its events per "
					+ "subject. Events it received meanwhile about the same subject may have come first.")
	Redelivery redeliverDeadLetters(
			@Parameter(description = "The listener") @RequestParam @Pattern(regexp = "[0-9a-fA-F-]{36}") String hubId,
			@Parameter(description = "Only the dead letters of events published at or after this time") @RequestParam(
					required = false) Instant since) {
		return new Redelivery(hubId, this.deliveries.redeliverDead(hubId, since));
	}

	@PostMapping("/{id}/redeliver")
	@Operation(operationId = "redeliverEvent", summary = "Delivers an event again",
			description = "Also brings a dead letter back.")
	Delivery redeliver(@PathVariable long id) {
		return this.deliveries.redeliver(id);
	}

}
