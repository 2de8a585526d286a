package org.crmbackoffice.devauth;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * Signing out from a page (OpenID Connect RP-initiated logout, with the ID token the page
 * got) ends the session at this server, as the standard handler does, and also forgets
 * the authorization that ID token came with, so that its refresh token no longer works.
 */
final class SignOutEverywhere implements AuthenticationSuccessHandler {

	private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

	private final OAuth2AuthorizationService authorizations;

	private final AuthenticationSuccessHandler standard = new OidcLogoutAuthenticationSuccessHandler();

	SignOutEverywhere(OAuth2AuthorizationService authorizations) {
		this.authorizations = authorizations;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (authentication instanceof OidcLogoutAuthenticationToken logout) {
			OAuth2Authorization authorization = this.authorizations.findByToken(logout.getIdTokenHint(), ID_TOKEN);
			if (authorization != null) {
				this.authorizations.remove(authorization);
			}
		}
		this.standard.onAuthenticationSuccess(request, response, authentication);
	}

}
