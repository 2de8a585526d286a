package org.crmbackoffice.inventory.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.crmbackoffice.model.common.RelatedParty;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.FieldProblem;
import org.crmbackoffice.support.web.ApiResponses;

/**
 * The engaged parties of an agreement split into the one customer of this inventory it is
 * established with and the others.
 *
 * @param customerPointer where the customer's id stands in the request, for problems
 * about it
 */
record Engagement(UUID customerId, String customerPointer, List<RelatedParty> otherParties) {

	/**
	 * @throws ApiProblemException 400 unless exactly one engaged party refers to a
	 * customer by a well-formed id
	 */
	static Engagement of(List<RelatedParty> engagedParty) {
		List<Integer> customers = new ArrayList<>();
		List<RelatedParty> others = new ArrayList<>();
		for (int i = 0; i < engagedParty.size(); i++) {
			if (engagedParty.get(i).isCustomer()) {
				customers.add(i);
			}
			else {
				others.add(engagedParty.get(i));
			}
		}
		if (customers.size() != 1) {
			throw invalid("/engagedParty",
					"exactly one engaged party must refer to a Customer (found " + customers.size() + ")");
		}
		String pointer = "/engagedParty/" + customers.get(0) + "/partyOrPartyRole/id";
		String id = engagedParty.get(customers.get(0)).partyOrPartyRole().id();
		Optional<UUID> customerId = ApiResponses.parseId(id);
		if (customerId.isEmpty()) {
			throw new ApiProblemException(ProblemType.UNKNOWN_REFERENCE, "There is no customer " + id + ".",
					List.of(new FieldProblem(pointer, "no such customer")), null);
		}
		return new Engagement(customerId.get(), pointer, others);
	}

	private static ApiProblemException invalid(String pointer, String detail) {
		return new ApiProblemException(ProblemType.INVALID_REQUEST, "The agreement's engaged parties are not valid.",
				List.of(new FieldProblem(pointer, detail)), null);
	}

}
