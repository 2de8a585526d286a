package org.crmbackoffice.interactions.customer;

import java.util.ArrayList;
import java.util.List;

import org.crmbackoffice.model.common.RelatedParty;
import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.FieldProblem;

import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Makes sure an interaction only refers to customers the customer inventory knows. The inventory owns customer
 * data, so the check is a call to it, never a look at a local copy.
 */
@Component
public class CustomerReferences {

	private final CustomerApi inventory;

	CustomerReferences(CustomerApi inventory) {
		this.inventory = inventory;
	}

	/**
	 * Checks every related party whose {@code partyOrPartyRole} refers to a {@code Customer}.
	 * @throws ApiProblemException {@code unknown-reference} (422) naming each unknown customer,
	 * {@code peer-unavailable} (503) when the inventory cannot be reached in time, {@code peer-failed} (502) when
	 * it answers with an error
	 */
	public void verifyCustomersExist(List<RelatedParty> relatedParties) {
		List<FieldProblem> unknown = new ArrayList<>();
		for (int i = 0; i < relatedParties.size(); i++) {
			RelatedParty party = relatedParties.get(i);
			if (party.isCustomer() && !exists(party.partyOrPartyRole().id())) {
				unknown.add(new FieldProblem("/relatedParty/" + i + "/partyOrPartyRole/id",
						"The customer inventory has no customer with id " + party.partyOrPartyRole().id() + "."));
			}
		}
		if (!unknown.isEmpty()) {
			throw new ApiProblemException(ProblemType.UNKNOWN_REFERENCE,
					"The interaction refers to " + unknown.size() + " customer(s) the customer inventory does not know.",
					unknown, null);
		}
	}

	private boolean exists(String customerId) {
		try {
			this.inventory.retrieveCustomer(customerId);
			return true;
		}
		catch (HttpClientErrorException.NotFound ex) {
			return false;
		}
		catch (ResourceAccessException ex) {
			throw new ApiProblemException(ProblemType.PEER_UNAVAILABLE,
					"The customer inventory cannot be reached, so customer references cannot be checked. "
							+ "Nothing was stored; try again later.",
					List.of(), ex);
		}
		catch (OAuth2AuthorizationException ex) {
			throw new ApiProblemException(ProblemType.PEER_UNAVAILABLE,
					"This service could not obtain a token to call the customer inventory, so customer references "
							+ "cannot be checked. Nothing was stored; try again later.",
					List.of(), ex);
		}
		catch (RestClientResponseException ex) {
			throw new ApiProblemException(ProblemType.PEER_FAILED, "The customer inventory answered "
					+ ex.getStatusCode().value() + " when asked for customer " + customerId + ". Nothing was stored.",
					List.of(), ex);
		}
	}

}
