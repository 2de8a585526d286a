package org.crmbackoffice.interactions.interaction;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crmbackoffice.model.interaction.InteractionStatus;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;

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

	private static final Map<InteractionStatus, Set<InteractionStatus>> MOVES = new EnumMap<>(InteractionStatus.class);

	static {
		MOVES.put(OPENED, EnumSet.of(IN_PROGRESS, WAITING_FOR_PARTNER, WAITING_FOR_BACK_OFFICE, COMPLETED, CANCELLED));
		MOVES.put(IN_PROGRESS, EnumSet.of(WAITING_FOR_PARTNER, WAITING_FOR_BACK_OFFICE, COMPLETED, CANCELLED));
		MOVES.put(WAITING_FOR_PARTNER, EnumSet.of(IN_PROGRESS, WAITING_FOR_BACK_OFFICE, COMPLETED, CANCELLED));
		MOVES.put(WAITING_FOR_BACK_OFFICE, EnumSet.of(IN_PROGRESS, WAITING_FOR_PARTNER, COMPLETED, CANCELLED));
		MOVES.put(COMPLETED, EnumSet.noneOf(InteractionStatus.class));
		MOVES.put(CANCELLED, EnumSet.noneOf(InteractionStatus.class));
	}

	private InteractionLifecycle() {
	}

	static Set<InteractionStatus> allowedFrom(InteractionStatus status) {
		return MOVES.get(status);
	}

	/**
	 * @throws ApiProblemException 409 naming the moves that are allowed from {@code from}
	 */
	static void checkMove(InteractionStatus from, InteractionStatus to) {
		if (from == to || allowedFrom(from).contains(to)) {
			return;
		}
		List<String> allowed = allowedFrom(from).stream().map(InteractionStatus::value).toList();
		throw new ApiProblemException(ProblemType.CONFLICT,
				"An interaction that is " + from.value() + " cannot become " + to.value() + "."
						+ (allowed.isEmpty() ? " It is final." : " It can become: " + String.join(", ", allowed) + "."),
				Map.of("allowedTransitions", allowed));
	}

}
