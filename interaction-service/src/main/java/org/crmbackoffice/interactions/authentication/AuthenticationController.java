package org.crmbackoffice.interactions.authentication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.model.interaction.AuthenticationCode;
import org.crmbackoffice.model.interaction.AuthenticationCreate;
import org.crmbackoffice.model.interaction.InteractionAuthentication;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Step-up authentication of an interaction's partner. TMF683 has no resource for it, so
 * it lives under the service's own prefix, beside the interaction it is about; the
 * interaction shows the outcome in its {@code authenticationLevel}, as before.
 */
@RestController
@Tag(name = "authentication", description = "Authenticating the partner of an interaction (step-up)")
class AuthenticationController {

	static final String AUTHENTICATION = "/interaction/v1/partyInteraction/{id}/authentication";

	static final String CODE = "/interaction/v1/partyInteraction/{id}/authenticationCode";

	private final StepUpAuthentication authentication;

	AuthenticationController(StepUpAuthentication authentication) {
		this.authentication = authentication;
	}

	@PostMapping(path = AUTHENTICATION, consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "authenticatePartyInteractionPartner",
			summary = "Authenticates the partner of an interaction", description = """
					Makes the interaction's authenticationLevel "authenticated", so that an interaction for a \
					sensitive reason may proceed, and records how, when and by whom in its track record (action \
					"authenticated"); a PartyInteractionAttributeValueChangeEvent tells listeners and streams. A \
					partner proves who it is: {"method": "partner-token"} (or {}) when the interaction names its \
					party (the token's party_id), or {"code": "123456"} with the one-time code an agent gave it. A \
					valid code on an interaction that names no party yet adds the partner's party to it (role \
					partner); on one that names other parties it is refused with 403 \
					authentication-party-mismatch. A wrong code is 422 authentication-code-wrong with \
					remainingAttempts; an expired, used, replaced or exhausted code is 410 \
					authentication-code-gone. An agent records a check it made itself: {"method": \
					"knowledge-questions"}, "one-time-code" or "document-check". 409 already-authenticated when the \
					partner is authenticated already; a partner gets 404 for an interaction it takes no part in \
					and holds no code for.""")
	InteractionAuthentication authenticate(@PathVariable String id, @Valid @RequestBody AuthenticationCreate request,
			@RequestHeader(name = "X-Channel", required = false) @Size(min = 1, max = 100) String channel) {
		return this.authentication.authenticate(id, request, channel);
	}

	@PostMapping(path = CODE, produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "issuePartyInteractionAuthenticationCode",
			summary = "Issues a one-time code for the partner of an interaction", description = """
					For an agent to tell a caller (on the phone, in a chat begun before sign-in), who then \
					presents it, signed in as a partner, to POST .../authentication. Digits only, usable once, \
					for crm.interaction.authentication.code.valid-for (10 minutes) and \
					crm.interaction.authentication.code.max-attempts (5) wrong tries; a new code replaces the \
					last. Shown only in this answer: the service keeps its hash. The track record notes that a \
					code was issued, not the code. 409 already-authenticated when the partner is authenticated \
					already.""")
	AuthenticationCode issueCode(@PathVariable String id,
			@RequestHeader(name = "X-Channel", required = false) @Size(min = 1, max = 100) String channel) {
		return this.authentication.issueCode(id, channel);
	}

}
