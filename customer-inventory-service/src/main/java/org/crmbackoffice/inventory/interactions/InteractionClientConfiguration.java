package org.crmbackoffice.inventory.interactions;

import org.crmbackoffice.model.interaction.PartyErasureApi;
import org.crmbackoffice.model.interaction.PartyInteractionApi;
import org.crmbackoffice.support.security.ServiceClientCredentials;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The HTTP client of the interaction service: the {@code interactions} group of
 * {@code spring.http.serviceclient}, authenticated with the {@code interactions}
 * registration of {@code spring.security.oauth2.client}.
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = InteractionClientConfiguration.GROUP,
		types = { PartyInteractionApi.class, PartyErasureApi.class })
class InteractionClientConfiguration {

	static final String GROUP = "interactions";

	@Bean
	RestClientHttpServiceGroupConfigurer interactionClientCredentials(ClientRegistrationRepository registrations,
			OAuth2AuthorizedClientService authorizedClients) {
		return ServiceClientCredentials.forGroup(GROUP, "interactions", "customer-inventory-service", registrations,
				authorizedClients);
	}

}
