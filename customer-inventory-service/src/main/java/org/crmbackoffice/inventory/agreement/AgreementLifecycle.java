package org.crmbackoffice.inventory.agreement;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crmbackoffice.model.agreement.AgreementStatus;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;

import static org.crmbackoffice.model.agreement.AgreementStatus.ACTIVE;
import static org.crmbackoffice.model.agreement.AgreementStatus.INITIALIZED;
import static org.crmbackoffice.model.agreement.AgreementStatus.SUSPENDED;
import static org.crmbackoffice.model.agreement.AgreementStatus.TERMINATED;

/**
 * The moves an agreement may make: a new one becomes active (or is terminated before it
 * starts), an active one can be suspended and resumed, and any can be terminated.
 * Terminated is final: a renewed contract is a new agreement, so the old terms stay on
 * record as they were.
 */
final class AgreementLifecycle {

	private static final Map<AgreementStatus, Set<AgreementStatus>> MOVES = new EnumMap<>(AgreementStatus.class);

	static {
		MOVES.put(INITIALIZED, EnumSet.of(ACTIVE, TERMINATED));
		MOVES.put(ACTIVE, EnumSet.of(SUSPENDED, TERMINATED));
		MOVES.put(SUSPENDED, EnumSet.of(ACTIVE, TERMINATED));
		MOVES.put(TERMINATED, EnumSet.noneOf(AgreementStatus.class));
	}

	private AgreementLifecycle() {
	}

	/**
	 * @throws ApiProblemException 409 naming the moves that are allowed from {@code from}
	 */
	static void checkMove(AgreementStatus from, AgreementStatus to) {
		if (from == to || MOVES.get(from).contains(to)) {
			return;
		}
		List<String> allowed = MOVES.get(from).stream().map(AgreementStatus::value).toList();
		throw new ApiProblemException(ProblemType.CONFLICT,
				"An agreement that is " + from.value() + " cannot become " + to.value() + "."
						+ (allowed.isEmpty() ? " It is final." : " It can become: " + String.join(", ", allowed) + "."),
				Map.of("allowedTransitions", allowed));
	}

}
