package org.crmbackoffice.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a service finds what it needs in a token, so that any OIDC provider can be used.
 *
 * @param rolesClaim the claim that lists the caller's roles
 * @param partyIdClaim the claim that names a business partner's party
 * @param clientIdClaim the claim that names the OAuth2 client (the subject when absent)
 */
@ConfigurationProperties("crm.security")
public record SecurityProperties(@DefaultValue("roles") String rolesClaim,
		@DefaultValue("party_id") String partyIdClaim, @DefaultValue("client_id") String clientIdClaim) {
}
