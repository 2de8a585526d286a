package org.crmbackoffice.interactions.interaction;

import org.crmbackoffice.model.interaction.InteractionStatus;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionUpdate;

/**
 * What a change did to an interaction, worked out once for the track record's action and
 * the events it publishes.
 *
 * @param statusChanged the status moved
 * @param notesChanged notes were added
 * @param othersChanged anything a client sets besides the status and the notes changed
 * @param customerCheckChanged the check of the related customers completed
 */
record InteractionChange(PartyInteraction before, PartyInteraction after, boolean statusChanged, boolean notesChanged,
		boolean othersChanged, boolean customerCheckChanged) {

	static InteractionChange of(PartyInteraction before, PartyInteraction after) {
		PartyInteractionUpdate afterWithEarlierStatusAndNotes = PartyInteractionMapper.withNotes(
				PartyInteractionMapper.withStatus(PartyInteractionMapper.toUpdate(after), before.status()),
				before.note());
		return new InteractionChange(before, after, before.status() != after.status(),
				!before.note().equals(after.note()),
				!PartyInteractionMapper.toUpdate(before).equals(afterWithEarlierStatusAndNotes),
				!before.customerCheck().equals(after.customerCheck()));
	}

	/**
	 * How the track record names it: a change of the status alone, or notes added alone,
	 * has a name of its own; anything else is an update.
	 */
	String action() {
		if (this.statusChanged && !this.notesChanged && !this.othersChanged) {
			return (this.after.status() == InteractionStatus.CANCELLED) ? "cancelled" : "statusChanged";
		}
		if (this.notesChanged && !this.statusChanged && !this.othersChanged) {
			return "noteAdded";
		}
		return "updated";
	}

	/**
	 * Anything besides the status changed: what an attribute-value-change event tells.
	 */
	boolean attributesChanged() {
		return this.notesChanged || this.othersChanged || this.customerCheckChanged;
	}

}
