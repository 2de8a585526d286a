package org.crmbackoffice.support.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The permission each endpoint of one service needs, kept as data rather than only as
 * security configuration, so that the security chain and a test of the whole access
 * matrix read the same rules. The chain matches requests with the matchers
 * {@link #ruleFor} builds, in the same order: the first rule that matches a request
 * decides.
 */
public final class EndpointPermissions implements EndpointRules {

	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

	private final List<Rule> rules;

	private EndpointPermissions(List<Rule> rules) {
		this.rules = List.copyOf(rules);
	}

	public static Builder builder() {
		return new Builder();
	}

	public List<Rule> rules() {
		return this.rules;
	}

	/** The rule the security chain applies to a request, empty when none does. */
	public Optional<Rule> ruleFor(HttpServletRequest request) {
		return this.rules.stream().filter((rule) -> rule.matches(request)).findFirst();
	}

	@Override
	public void declare(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints) {
		for (Rule rule : this.rules) {
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl matched = endpoints
				.requestMatchers(rule.matchers().toArray(RequestMatcher[]::new));
			if (rule.isOpen()) {
				matched.permitAll();
			}
			else {
				matched.hasAnyAuthority(rule.anyOf().toArray(String[]::new));
			}
		}
	}

	/**
	 * @param method the method it applies to, {@code null} for any
	 * @param patterns the paths it applies to
	 * @param anyOf the permissions of which a caller needs one; none for an endpoint open
	 * to everyone
	 */
	public record Rule(HttpMethod method, List<String> patterns, Set<String> anyOf) {

		public boolean isOpen() {
			return this.anyOf.isEmpty();
		}

		/** Whether a caller holding these permissions passes the rule. */
		public boolean grants(Set<String> permissions) {
			return isOpen() || this.anyOf.stream().anyMatch(permissions::contains);
		}

		boolean matches(HttpServletRequest request) {
			return matchers().stream().anyMatch((matcher) -> matcher.matches(request));
		}

		List<RequestMatcher> matchers() {
			return this.patterns.stream()
				.<RequestMatcher>map((pattern) -> PATHS.matcher(this.method, pattern))
				.toList();
		}

	}

	public static final class Builder {

		private final List<Rule> rules = new ArrayList<>();

		private Builder() {
		}

		/** Requests with this method to any of these paths. */
		public Paths on(HttpMethod method, String... patterns) {
			return new Paths(method, patterns);
		}

		/** Requests with any method to any of these paths. */
		public Paths onAnyMethod(String... patterns) {
			return new Paths(null, patterns);
		}

		public EndpointPermissions build() {
			return new EndpointPermissions(this.rules);
		}

		public final class Paths {

			private final HttpMethod method;

			private final List<String> patterns;

			private Paths(HttpMethod method, String... patterns) {
				this.method = method;
				this.patterns = List.of(patterns);
			}

			public Builder anyOf(String... permissions) {
				if (permissions.length == 0) {
					throw new IllegalArgumentException("An endpoint open to everyone is declared with open()");
				}
				return add(Set.copyOf(Arrays.asList(permissions)));
			}

			public Builder open() {
				return add(Set.of());
			}

			private Builder add(Set<String> permissions) {
				Builder.this.rules.add(new Rule(this.method, this.patterns, permissions));
				return Builder.this;
			}

		}

	}

}
