package org.crmbackoffice.model.agreement;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.crmbackoffice.model.common.EntityRef;
import org.crmbackoffice.model.common.RelatedParty;
import org.crmbackoffice.model.common.TimePeriod;

/**
 * A contract established with a customer (TMF651 v4 {@code Agreement}). Its engaged
 * parties always include the customer, with the role {@code customer}; the customer lists
 * the agreement among its own.
 *
 * @param document refs to the signed documents, kept in a document store
 */
public record Agreement(String id, String href, @JsonProperty("@type") String type, String name, String description,
		String agreementType, AgreementStatus status, String statusReason, TimePeriod agreementPeriod,
		List<RelatedParty> engagedParty, List<TermOrCondition> termOrCondition, List<EntityRef> document,
		Instant creationDate, Instant lastUpdate) {

	public static final String TYPE = "Agreement";

	/** The role in which the customer takes part in its agreements. */
	public static final String CUSTOMER_ROLE = "customer";

}
