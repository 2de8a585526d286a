package org.crmbackoffice.model.interaction;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** What the interaction service offers other services over HTTP. */
@HttpExchange(url = PartyInteractionApi.BASE_PATH, accept = MediaType.APPLICATION_JSON_VALUE)
public interface PartyInteractionApi {

	String BASE_PATH = "/tmf-api/partyInteraction/v5/partyInteraction";

	/** A party's interactions, most recent first. */
	@GetExchange
	List<PartyInteraction> interactionsOf(@RequestParam("relatedParty.partyOrPartyRole.id") String partyId,
			@RequestParam("limit") int limit);

	/** A page of a party's interactions, most recent first. */
	@GetExchange
	List<PartyInteraction> interactionsOf(@RequestParam("relatedParty.partyOrPartyRole.id") String partyId,
			@RequestParam("offset") long offset, @RequestParam("limit") int limit);

}
