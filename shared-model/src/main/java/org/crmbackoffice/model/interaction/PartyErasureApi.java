package org.crmbackoffice.model.interaction;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * GDPR erasure of a party from the interaction log, as the interaction service offers it
 * to other services (the customer inventory erases a customer's interactions with the
 * customer). Erasing twice is harmless: the pseudonym is the same.
 */
@HttpExchange(url = PartyErasureApi.PATH, accept = MediaType.APPLICATION_JSON_VALUE,
		contentType = MediaType.APPLICATION_JSON_VALUE)
public interface PartyErasureApi {

	String PATH = "/interaction/v1/erasure";

	@PostExchange
	Erasure erase(@RequestBody ErasureRequest request);

	/**
	 * @param partyId the party whose interactions are anonymised, e.g. a customer id
	 */
	record ErasureRequest(@NotBlank @Size(max = 100) String partyId) {
	}

	/**
	 * @param pseudonym what the party is called in the anonymised interactions
	 * @param interactionsAnonymised how many interactions named the party
	 */
	record Erasure(String pseudonym, int interactionsAnonymised) {
	}

}
