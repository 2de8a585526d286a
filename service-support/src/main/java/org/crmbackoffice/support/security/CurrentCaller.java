package org.crmbackoffice.support.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Tells service code who is making the current request, e.g. to record it as the author of a change. */
public class CurrentCaller {

	private final CallerTokens tokens;

	public CurrentCaller(CallerTokens tokens) {
		this.tokens = tokens;
	}

	public Caller get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			return this.tokens.callerOf(token.getToken());
		}
		throw new AccessDeniedException("No authenticated caller");
	}

}
