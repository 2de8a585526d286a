package org.crmbackoffice.interactions.customer;

import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.support.security.ServiceClientCredentials;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The HTTP client of the customer inventory. Its base URL and timeouts are the
 * {@code inventory} group of {@code spring.http.serviceclient}; it authenticates as this
 * service with the {@code inventory} registration of
 * {@code spring.security.oauth2.client}.
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = InventoryClientConfiguration.GROUP, types = CustomerApi.class)
class InventoryClientConfiguration {

	static final String GROUP = "inventory";

	@Bean
	RestClientHttpServiceGroupConfigurer inventoryClientCredentials(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientService authorizedClients) {
		return ServiceClientCredentials.forGroup(GROUP, "inventory", "interaction-service", registrations,
				authorizedClients);
	}

}
