package org.crmbackoffice.support.cors;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.crmbackoffice.support.security.ProblemSecurityResponses;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Answers the browsers of configured front-end origins: preflights without a token, and
 * the response headers a front end reads ({@code ETag} for conditional requests,
 * {@code Location}, the list counts, the request id, {@code Retry-After} and the rate
 * limit). A request from any other origin is refused with a 403 problem before it reaches
 * an endpoint.
 */
public final class CrossOriginRequests {

	/** The response headers a front end's script may read. */
	static final List<String> EXPOSED_HEADERS = List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, "X-Total-Count",
			"X-Result-Count", "X-Has-More", "X-Request-ID", HttpHeaders.RETRY_AFTER, "RateLimit", "RateLimit-Policy",
			"Idempotent-Replayed", HttpHeaders.CONTENT_DISPOSITION);

	private CrossOriginRequests() {
	}

	/**
	 * The filter for Spring Security's chain, or {@code null} when no origin is
	 * configured.
	 */
	public static CorsFilter filter(CorsProperties properties, ProblemSecurityResponses problems) {
		if (properties.allowedOrigins().isEmpty()) {
			return null;
		}
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOriginPatterns(properties.allowedOrigins());
		configuration.setAllowedMethods(properties.allowedMethods());
		configuration.setAllowedHeaders(properties.allowedHeaders());
		configuration.setExposedHeaders(EXPOSED_HEADERS);
		// Front ends send their token in the Authorization header, never a cookie.
		configuration.setAllowCredentials(false);
		configuration.setMaxAge(properties.maxAge());
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", configuration);
		CorsFilter filter = new CorsFilter(source);
		filter.setCorsProcessor(new ProblemCorsProcessor(problems));
		return filter;
	}

	/** Refuses with a problem response instead of Spring's plain-text one. */
	private static final class ProblemCorsProcessor extends DefaultCorsProcessor {

		private final ProblemSecurityResponses problems;

		ProblemCorsProcessor(ProblemSecurityResponses problems) {
			this.problems = problems;
		}

		@Override
		public boolean processRequest(CorsConfiguration configuration, HttpServletRequest request,
				HttpServletResponse response) throws IOException {
			if (super.processRequest(configuration, request, response)) {
				return true;
			}
			this.problems.refuseOrigin(request, response);
			return false;
		}

		@Override
		protected void rejectRequest(ServerHttpResponse response) {
			// processRequest answers instead
		}

	}

}
