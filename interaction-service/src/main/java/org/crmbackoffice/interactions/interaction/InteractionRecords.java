package org.crmbackoffice.interactions.interaction;

import org.crmbackoffice.model.interaction.PartyInteraction;

import org.springframework.stereotype.Component;

/**
 * What other features may read of the interaction log, under the caller's visibility (a
 * partner its own).
 */
@Component
public class InteractionRecords {

	private final PartyInteractionService interactions;

	InteractionRecords(PartyInteractionService interactions) {
		this.interactions = interactions;
	}

	/**
	 * @throws org.crmbackoffice.support.problem.ApiProblemException 404 unless the caller
	 * may see it
	 */
	public PartyInteraction visible(String id) {
		return this.interactions.retrieve(id).interaction();
	}

}
