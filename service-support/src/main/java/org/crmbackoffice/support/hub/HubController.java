package org.crmbackoffice.support.hub;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.crmbackoffice.model.event.Hub;
import org.crmbackoffice.model.event.HubRegistration;
import org.crmbackoffice.support.web.ApiResponses;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
// A service without a v4 API or parties maps its one hub path more than once, which is
// the same mapping.
@RequestMapping(path = { "${crm.hub.hub-path}", "${crm.hub.v4-hub-path:${crm.hub.hub-path}}",
		"${crm.hub.party-hub-path:${crm.hub.hub-path}}" }, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "hub", description = "TMF688 event listeners")
class HubController {

	private final HubListeners listeners;

	private final HubProperties properties;

	HubController(HubListeners listeners, HubProperties properties) {
		this.listeners = listeners;
		this.properties = properties;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Registers a listener", description = """
			Events matching the query are posted to the callback, signed per the Standard Webhooks specification \
			with the secret in this answer, which is shown only this once. A listener registered on the v4 hub \
			receives the events in their TMF v4 shape.""")
	@ApiResponse(responseCode = "201", description = "Created; Location gives its address")
	ResponseEntity<Hub> register(@Valid @RequestBody HubRegistration registration, HttpServletRequest request) {
		Hub hub = this.listeners.register(registration, this.properties.apiVersionAt(request.getRequestURI()));
		return ApiResponses.created(hub.id(), hub);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Retrieves a listener (without its secret)")
	Hub get(@PathVariable String id) {
		return this.listeners.get(id);
	}

	@PostMapping("/{id}/rotateSecret")
	@Operation(summary = "Issues a new signing secret", description = "The old secret keeps signing beside the new "
			+ "one for crm.hub.secret-overlap (a day by default).")
	Hub rotateSecret(@PathVariable String id) {
		return this.listeners.rotateSecret(id);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Removes a listener")
	@ApiResponse(responseCode = "204", description = "Deleted")
	ResponseEntity<Void> remove(@PathVariable String id) {
		this.listeners.remove(id);
		return ResponseEntity.noContent().build();
	}

}
