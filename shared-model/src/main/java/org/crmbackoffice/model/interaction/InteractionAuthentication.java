package org.crmbackoffice.model.interaction;

import java.time.Instant;

/**
 * The outcome of an authentication: the interaction's partner is now
 * {@code authenticated}, by which method, when and by whom. The same is in the
 * interaction's track record as an {@code authenticated} entry.
 *
 * @param interactionId the interaction whose partner is authenticated
 * @param interactionHref the interaction's TMF683 address
 * @param method how the partner proved who it is
 * @param authenticatedBy the token subject of the partner that proved itself, or of the
 * agent that checked it
 * @param authenticatedAt when, also the time of the track record's entry
 * @param partyId the party the partner proved to be; {@code null} when an agent recorded
 * the check
 * @param partyAdded the interaction named no party before, and now names this one, with
 * the role {@code partner}
 */
public record InteractionAuthentication(String interactionId, String interactionHref,
		AuthenticationLevel authenticationLevel, AuthenticationMethod method, String authenticatedBy,
		Instant authenticatedAt, String partyId, boolean partyAdded) {

}
