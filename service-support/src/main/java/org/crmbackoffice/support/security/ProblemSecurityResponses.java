package org.crmbackoffice.support.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.requestid.RequestIdFilter;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a missing or bad token (401) and a refused permission (403) like every other
 * error: a problem response, with the RFC 6750 {@code WWW-Authenticate} header the bearer
 * token handlers set.
 */
public class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final BearerTokenAuthenticationEntryPoint entryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler accessDenied = new BearerTokenAccessDeniedHandler();

	private final JsonMapper json;

	public ProblemSecurityResponses(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		this.entryPoint.commence(request, response, exception);
		write(request, response, ProblemType.UNAUTHENTICATED,
				(request.getHeader("Authorization") == null) ? "This endpoint needs a bearer token."
						: "The bearer token was not accepted: " + exception.getMessage());
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		this.accessDenied.handle(request, response, exception);
		write(request, response, ProblemType.FORBIDDEN, "Your roles do not allow this request.");
	}

	/**
	 * Refuses a browser request from an origin that is not configured, or one asking for
	 * a method or header that is not allowed.
	 */
	public void refuseOrigin(HttpServletRequest request, HttpServletResponse response) throws IOException {
		write(request, response, ProblemType.FORBIDDEN, "Requests from origin " + request.getHeader("Origin")
				+ " with this method and these headers are not allowed (crm.web.cors).");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", type.type().toString());
		problem.put("title", type.title());
		problem.put("status", type.status());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		problem.putAll(type.tmfErrorMembers(detail));
		String requestId = MDC.get(RequestIdFilter.MDC_KEY);
		if (requestId != null) {
			problem.put("requestId", requestId);
		}
		response.setStatus(type.status());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
