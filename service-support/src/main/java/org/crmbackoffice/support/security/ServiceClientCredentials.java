package org.crmbackoffice.support.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;

/**
 * Makes the HTTP service clients of one group call as this service, with a
 * client-credentials token of one registration of {@code spring.security.oauth2.client},
 * kept until it expires.
 */
public final class ServiceClientCredentials {

	private ServiceClientCredentials() {
	}

	/**
	 * @param serviceName who the token belongs to: the service, not the user whose
	 * request caused the call, so one cached token serves every request
	 */
	public static RestClientHttpServiceGroupConfigurer forGroup(String group, String registrationId, String serviceName,
			ClientRegistrationRepository registrations, OAuth2AuthorizedClientService authorizedClients) {
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, authorizedClients);
		manager
			.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
		Authentication serviceItself = UsernamePasswordAuthenticationToken.unauthenticated(serviceName, "n/a");
		OAuth2ClientHttpRequestInterceptor bearerToken = new OAuth2ClientHttpRequestInterceptor(manager);
		bearerToken.setClientRegistrationIdResolver((request) -> registrationId);
		bearerToken.setPrincipalResolver((request) -> serviceItself);
		return (groups) -> groups.filterByName(group)
			.forEachClient((serviceGroup, builder) -> builder.requestInterceptor(bearerToken));
	}

}
