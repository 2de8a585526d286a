package org.crmbackoffice.model.interaction;

import java.time.Instant;

/**
 * A one-time code an agent tells a caller, so that the caller, signed in as a partner,
 * proves through the API that it is the partner of the interaction. Shown once: the
 * service keeps only its hash.
 *
 * @param interactionId the interaction the code authenticates on
 * @param code the digits to tell the caller
 * @param expiresAt when it can no longer be used
 * @param maxAttempts how many wrong codes void it
 * @param issuedBy the token subject of the agent that asked for it
 */
public record AuthenticationCode(String interactionId, String code, Instant expiresAt, int maxAttempts,
		String issuedBy) {

}
