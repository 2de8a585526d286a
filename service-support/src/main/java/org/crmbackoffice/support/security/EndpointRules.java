package org.crmbackoffice.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The permission each endpoint of one service needs, declared next to the service's role table. An endpoint the
 * rules forget would be open to any authenticated caller; the {@code EndpointGuard} of the test support finds
 * such endpoints.
 */
@FunctionalInterface
public interface EndpointRules {

	void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry endpoints);

}
