package org.crmbackoffice.support.security;

import java.util.Set;

/**
 * Who is making the current request, as the token says.
 *
 * @param subject the user or client the token was issued to; what records store as their
 * author
 * @param clientId the OAuth2 client that obtained the token
 * @param roles the roles the identity provider gave it
 * @param partyId for a business partner, the party it acts as; {@code null} for the
 * enterprise's own callers
 * @param permissions what the service's role table grants these roles
 */
public record Caller(String subject, String clientId, Set<String> roles, String partyId, Set<String> permissions) {

	/** For work the service does on its own account, such as scheduled checks. */
	public static Caller system(String serviceName) {
		return new Caller(serviceName, serviceName, Set.of(), null, Set.of());
	}

	public boolean may(String permission) {
		return this.permissions.contains(permission);
	}

	/**
	 * Whose requests count together against a client's limits: a partner's party,
	 * whichever client it uses; otherwise whom the token was issued to.
	 */
	public String limitKey() {
		return (isPartner() && this.partyId != null) ? "party:" + this.partyId : "subject:" + this.subject;
	}

	/** A business partner sees only what it takes part in. */
	public boolean isPartner() {
		return this.roles.contains(Roles.PARTNER);
	}

}
