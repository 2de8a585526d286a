package org.crmbackoffice.support.security;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI offers client credentials always, and signing in as a person where the
 * issuer's authorization endpoint is known.
 */
class ApiDocumentationSecurityTests {

	private static final String TOKEN_URL = "http://localhost:9000/oauth2/token";

	@Test
	void offersTheAuthorizationCodeFlowWithTheIssuersEndpoints() {
		OpenAPI document = documentWith("http://localhost:9000/oauth2/authorize");

		OAuthFlow flow = document.getComponents()
			.getSecuritySchemes()
			.get(ApiDocumentationSecurity.AUTHORIZATION_CODE)
			.getFlows()
			.getAuthorizationCode();
		assertThat(flow.getAuthorizationUrl()).isEqualTo("http://localhost:9000/oauth2/authorize");
		assertThat(flow.getTokenUrl()).isEqualTo(TOKEN_URL);
		assertThat(flow.getRefreshUrl()).isEqualTo(TOKEN_URL);
		assertThat(flow.getExtensions()).as("the public client the pages sign people in with")
			.containsEntry("x-client-id", "crm-web");
		assertThat(document.getComponents().getSecuritySchemes()).as("client credentials are offered first still")
			.containsOnlyKeys(ApiDocumentationSecurity.CLIENT_CREDENTIALS, ApiDocumentationSecurity.AUTHORIZATION_CODE,
					ApiDocumentationSecurity.BEARER);
		assertThat(document.getComponents().getSecuritySchemes().keySet().iterator().next())
			.isEqualTo(ApiDocumentationSecurity.CLIENT_CREDENTIALS);
		assertThat(document.getSecurity()).flatMap(SecurityRequirement::keySet)
			.containsExactly(ApiDocumentationSecurity.CLIENT_CREDENTIALS, ApiDocumentationSecurity.AUTHORIZATION_CODE,
					ApiDocumentationSecurity.BEARER);
	}

	@Test
	void offersClientCredentialsAndBearerTokensOnlyWhereTheAuthorizationEndpointIsNotKnown() {
		OpenAPI document = documentWith("");

		assertThat(document.getComponents().getSecuritySchemes())
			.containsOnlyKeys(ApiDocumentationSecurity.CLIENT_CREDENTIALS, ApiDocumentationSecurity.BEARER);
		assertThat(document.getComponents()
			.getSecuritySchemes()
			.get(ApiDocumentationSecurity.CLIENT_CREDENTIALS)
			.getFlows()
			.getClientCredentials()
			.getTokenUrl()).isEqualTo(TOKEN_URL);
		assertThat(document.getSecurity()).flatMap(SecurityRequirement::keySet)
			.isEqualTo(List.of(ApiDocumentationSecurity.CLIENT_CREDENTIALS, ApiDocumentationSecurity.BEARER));
	}

	private static OpenAPI documentWith(String authorizationUrl) {
		OpenAPI document = new OpenAPI();
		new ApiDocumentationSecurity().securitySchemes(TOKEN_URL, authorizationUrl, "crm-web").customise(document);
		return document;
	}

}
