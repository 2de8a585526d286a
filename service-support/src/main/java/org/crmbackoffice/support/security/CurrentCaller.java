package org.crmbackoffice.support.security;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Tells service code who is making the current request, e.g. to record it as the author
 * of a change.
 */
public class CurrentCaller {

	private static final String REQUEST_CONTEXT = RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME;

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

	/**
	 * Who made a request, also once the security filters are done with it and have
	 * cleared the thread's context, e.g. for a filter that runs around them: bearer-token
	 * authentication keeps its context in a request attribute.
	 * @return the caller, or empty when the request carried no valid token
	 */
	public Optional<Caller> of(HttpServletRequest request) {
		if (request.getAttribute(REQUEST_CONTEXT) instanceof SecurityContext context
				&& context.getAuthentication() instanceof JwtAuthenticationToken token) {
			return Optional.of(this.tokens.callerOf(token.getToken()));
		}
		return Optional.empty();
	}

}
