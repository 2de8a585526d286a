package org.crmbackoffice.inventory.customer;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crmbackoffice.model.customer.CustomerStatus;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;

import static org.crmbackoffice.model.customer.CustomerStatus.APPROVED;
import static org.crmbackoffice.model.customer.CustomerStatus.CLOSED;
import static org.crmbackoffice.model.customer.CustomerStatus.INITIALIZED;
import static org.crmbackoffice.model.customer.CustomerStatus.SUSPENDED;

/**
 * The moves a customer relationship may make: a new customer is approved (or closed if it
 * never starts), an approved one can be suspended and approved again, and any can be
 * closed. Closed is final: a returning customer is a new record.
 */
final class CustomerLifecycle {

	private static final Map<CustomerStatus, Set<CustomerStatus>> MOVES = new EnumMap<>(CustomerStatus.class);

	static {
		MOVES.put(INITIALIZED, EnumSet.of(APPROVED, CLOSED));
		MOVES.put(APPROVED, EnumSet.of(SUSPENDED, CLOSED));
		MOVES.put(SUSPENDED, EnumSet.of(APPROVED, CLOSED));
		MOVES.put(CLOSED, EnumSet.noneOf(CustomerStatus.class));
	}

	private CustomerLifecycle() {
	}

	/**
	 * @throws ApiProblemException 409 naming the moves that are allowed from {@code from}
	 */
	static void checkMove(CustomerStatus from, CustomerStatus to) {
		if (from == to || MOVES.get(from).contains(to)) {
			return;
		}
		List<String> allowed = MOVES.get(from).stream().map(CustomerStatus::value).toList();
		throw new ApiProblemException(ProblemType.CONFLICT,
				"A customer that is " + from.value() + " cannot become " + to.value() + "."
						+ (allowed.isEmpty() ? " It is final." : " It can become: " + String.join(", ", allowed) + "."),
				Map.of("allowedTransitions", allowed));
	}

}
