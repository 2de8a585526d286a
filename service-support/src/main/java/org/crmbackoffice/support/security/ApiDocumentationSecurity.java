package org.crmbackoffice.support.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells Swagger UI how to get a token: from the issuer's token endpoint by client
 * credentials (the demo clients of the local stack), or by pasting a bearer token from
 * any identity provider.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentationSecurity {

	static final String CLIENT_CREDENTIALS = "clientCredentials";

	static final String BEARER = "bearerToken";

	@Bean
	OpenApiCustomizer securitySchemes(
			@Value("${crm.openapi.token-url:http://localhost:9000/oauth2/token}") String tokenUrl) {
		return (openApi) -> {
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents()
				.addSecuritySchemes(CLIENT_CREDENTIALS, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
					.description("Client credentials of the identity provider, e.g. agent / agent-secret "
							+ "on the local stack")
					.flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl(tokenUrl).scopes(new Scopes()))))
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("JWT")
							.description("An access token obtained elsewhere"));
			openApi.addSecurityItem(new SecurityRequirement().addList(CLIENT_CREDENTIALS));
			openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
		};
	}

}
