package org.crmbackoffice.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The permission each endpoint of one service needs, declared next to the service's role
 * table; services declare them as {@link EndpointPermissions}, which tests can read. An
 * endpoint the rules forget would be open to any authenticated caller; the
 * {@code EndpointGuard} and {@code AccessMatrix} of the test support find such endpoints.
 */
@FunctionalInterface
public interface EndpointRules {

	void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints);

}
