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
import org.springframework.util.StringUtils;

/**
 * Tells Swagger UI how to get a token: from the issuer's token endpoint by client
 * credentials (the demo clients of the local stack), by signing in as a person at the
 * issuer's login page (authorization code with PKCE, when
 * {@code crm.openapi.authorization-url} names the issuer's authorization endpoint;
 * Swagger UI's client id is {@code springdoc.swagger-ui.oauth.client-id}), or by pasting
 * a bearer token from any identity provider.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentationSecurity {

	static final String CLIENT_CREDENTIALS = "clientCredentials";

	static final String AUTHORIZATION_CODE = "authorizationCode";

	static final String BEARER = "bearerToken";

	static final String CLIENT_ID = "x-client-id";

	@Bean
	OpenApiCustomizer securitySchemes(
			@Value("${crm.openapi.token-url:http://localhost:9000/oauth2/token}") String tokenUrl,
			@Value("${crm.openapi.authorization-url:}") String authorizationUrl,
			@Value("${springdoc.swagger-ui.oauth.client-id:}") String clientId) {
		return (openApi) -> {
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents()
				.addSecuritySchemes(CLIENT_CREDENTIALS,
						new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
							.description("Client credentials of the identity provider, e.g. agent / agent-secret "
									+ "on the local stack")
							.flows(new OAuthFlows()
								.clientCredentials(new OAuthFlow().tokenUrl(tokenUrl).scopes(new Scopes()))));
			if (StringUtils.hasText(authorizationUrl)) {
				openApi.getComponents()
					.addSecuritySchemes(AUTHORIZATION_CODE, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
						.description("Sign in as a person at the identity provider's login page (authorization code "
								+ "with PKCE, no client secret), e.g. agent / agent-password on the local stack")
						.flows(new OAuthFlows().authorizationCode(personFlow(authorizationUrl, tokenUrl, clientId))));
			}
			openApi.getComponents()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("JWT")
							.description("An access token obtained elsewhere"));
			openApi.addSecurityItem(new SecurityRequirement().addList(CLIENT_CREDENTIALS));
			if (StringUtils.hasText(authorizationUrl)) {
				openApi.addSecurityItem(new SecurityRequirement().addList(AUTHORIZATION_CODE));
			}
			openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
		};
	}

	/**
	 * The authorization code flow. It names, as {@code x-client-id}, the public client
	 * that Swagger UI and the report pages sign people in with, so that a page finds all
	 * it needs in the document.
	 */
	private static OAuthFlow personFlow(String authorizationUrl, String tokenUrl, String clientId) {
		OAuthFlow flow = new OAuthFlow().authorizationUrl(authorizationUrl)
			.tokenUrl(tokenUrl)
			.refreshUrl(tokenUrl)
			.scopes(new Scopes());
		if (StringUtils.hasText(clientId)) {
			flow.addExtension(CLIENT_ID, clientId);
		}
		return flow;
	}

}
