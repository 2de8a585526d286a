package org.crmbackoffice.interactions.interaction;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.crmbackoffice.model.interaction.PartyErasureApi;
import org.crmbackoffice.model.interaction.PartyErasureApi.Erasure;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = PartyErasureApi.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "erasure", description = "GDPR erasure of a party from the interaction log")
class ErasureController {

	private final PartyErasure erasure;

	ErasureController(PartyErasure erasure) {
		this.erasure = erasure;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "erasePartyFromInteractions", summary = "Anonymises every interaction of a party",
			description = """
					Interactions are kept: the party becomes a pseudonym, the same in all of them; descriptions, notes, \
					attachments and external identifiers are blanked, in the track record too.""")
	Erasure erase(@Valid @RequestBody PartyErasureApi.ErasureRequest request) {
		return this.erasure.erase(request.partyId());
	}

}
