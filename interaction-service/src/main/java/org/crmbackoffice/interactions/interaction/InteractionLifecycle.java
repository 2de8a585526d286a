package org.crmbackoffice.interactions.interaction;

import org.crmbackoffice.model.interaction.InteractionStatus;
import org.crmbackoffice.support.lifecycle.Lifecycle;

import static org.crmbackoffice.model.interaction.InteractionStatus.CANCELLED;
import static org.crmbackoffice.model.interaction.InteractionStatus.COMPLETED;
import static org.crmbackoffice.model.interaction.InteractionStatus.IN_PROGRESS;
import static org.crmbackoffice.model.interaction.InteractionStatus.OPENED;
import static org.crmbackoffice.model.interaction.InteractionStatus.WAITING_FOR_BACK_OFFICE;
import static org.crmbackoffice.model.interaction.InteractionStatus.WAITING_FOR_PARTNER;

/**
 * The moves an interaction may make. A short interaction goes straight from opened to
 * completed; a long one works through in progress and the waiting states. Completed and
 * cancelled are final: a follow-up is a new interaction related to the old one.
 */
final class InteractionLifecycle {

	private static final Lifecycle<InteractionStatus> MOVES = Lifecycle
		.of(InteractionStatus.class, "An interaction", InteractionStatus::value)
		.from(OPENED, IN_PROGRESS, WAITING_FOR_PARTNER, WAITING_FOR_BACK_OFFICE, COMPLETED, CANCELLED)
		.from(IN_PROGRESS, WAITING_FOR_PARTNER, WAITING_FOR_BACK_OFFICE, COMPLETED, CANCELLED)
		.from(WAITING_FOR_PARTNER, IN_PROGRESS, WAITING_FOR_BACK_OFFICE, COMPLETED, CANCELLED)
		.from(WAITING_FOR_BACK_OFFICE, IN_PROGRESS, WAITING_FOR_PARTNER, COMPLETED, CANCELLED);

	private InteractionLifecycle() {
	}

	static void checkMove(InteractionStatus from, InteractionStatus to) {
		MOVES.checkMove(from, to);
	}

}
