package org.crmbackoffice.support.security;

import org.crmbackoffice.support.cors.CorsProperties;
import org.crmbackoffice.support.cors.CrossOriginRequests;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.CorsFilter;

/**
 * The security every service shares: stateless bearer-token authentication against the
 * configured issuer ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} and
 * {@code audiences}), open health, info and API documentation, the service's own
 * {@link EndpointRules} for everything else, problem responses for 401 and 403, and the
 * browser front ends of {@code crm.web.cors} (see {@link CrossOriginRequests}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({ SecurityProperties.class, CorsProperties.class })
public class ResourceServerSecurity {

	/** Readable without a token: probes, build info and the API documentation. */
	public static final String[] OPEN_PATHS = { "/actuator/health", "/actuator/health/**", "/actuator/info",
			"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**", "/error" };

	/**
	 * Metrics show who uses the system how: only callers with this permission read them.
	 */
	public static final String MONITORING = "monitoring:read";

	/**
	 * Verifies each bearer token once while it is valid, rather than on every request.
	 */
	@Bean
	static BeanPostProcessor verifiedTokens() {
		return VerifiedTokens.rememberingVerifiedTokens(VerifiedTokens.MAXIMUM_TOKENS);
	}

	@Bean
	CallerTokens callerTokens(SecurityProperties properties, RolePermissions permissions) {
		return new CallerTokens(properties, permissions);
	}

	@Bean
	CurrentCaller currentCaller(CallerTokens tokens) {
		return new CurrentCaller(tokens);
	}

	@Bean
	ProblemSecurityResponses problemSecurityResponses(JsonMapper json) {
		return new ProblemSecurityResponses(json);
	}

	@Bean
	SecurityFilterChain resourceServer(HttpSecurity http, EndpointRules rules, CallerTokens tokens,
			ProblemSecurityResponses problems, CorsProperties cors) throws Exception {
		CorsFilter crossOrigin = CrossOriginRequests.filter(cors, problems);
		if (crossOrigin != null) {
			http.addFilter(crossOrigin);
		}
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((endpoints) -> {
				endpoints.requestMatchers(OPEN_PATHS).permitAll();
				endpoints.requestMatchers("/actuator/**").hasAuthority(MONITORING);
				rules.declare(endpoints);
				// Unmapped paths and methods then answer 404 and 405 as usual; that every
				// mapped endpoint has a rule
				// is checked by each service's EndpointGuard test.
				endpoints.anyRequest().authenticated();
			})
			.oauth2ResourceServer((server) -> server.jwt((jwt) -> jwt.jwtAuthenticationConverter(tokens))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

}
