package org.crmbackoffice.interactions.customer;

import org.crmbackoffice.model.customer.CustomerApi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The HTTP client of the customer inventory. Its base URL and timeouts are the {@code inventory} group of
 * {@code spring.http.serviceclient}; it authenticates as this service with a client-credentials token of the
 * {@code inventory} registration of {@code spring.security.oauth2.client}, kept until it expires.
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = InventoryClientConfiguration.GROUP, types = CustomerApi.class)
class InventoryClientConfiguration {

	static final String GROUP = "inventory";

	static final String REGISTRATION = "inventory";

	/**
	 * The token belongs to this service, not to the user whose request caused the call, so one cached token
	 * serves every request.
	 */
	private static final Authentication SERVICE_ITSELF = UsernamePasswordAuthenticationToken
		.unauthenticated("interaction-service", "n/a");

	@Bean
	RestClientHttpServiceGroupConfigurer inventoryClientCredentials(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientService authorizedClients) {
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, authorizedClients);
		manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
		OAuth2ClientHttpRequestInterceptor bearerToken = new OAuth2ClientHttpRequestInterceptor(manager);
		bearerToken.setClientRegistrationIdResolver((request) -> REGISTRATION);
		bearerToken.setPrincipalResolver((request) -> SERVICE_ITSELF);
		return (groups) -> groups.filterByName(GROUP)
			.forEachClient((group, builder) -> builder.requestInterceptor(bearerToken));
	}

}
