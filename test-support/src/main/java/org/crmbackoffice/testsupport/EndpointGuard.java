package org.crmbackoffice.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finds endpoints that any authenticated caller may use: calls every mapped endpoint of a
 * running service with a valid token that carries no role, and expects each to refuse it.
 */
public final class EndpointGuard {

	private static final AntPathMatcher paths = new AntPathMatcher();

	private EndpointGuard() {
	}

	/**
	 * @param openPaths patterns that are deliberately open to everyone, e.g. the API
	 * documentation
	 */
	public static void assertEveryEndpointNeedsAPermission(RequestMappingHandlerMapping mappings, RestTestClient client,
			String... openPaths) {
		String roleless = TestIssuer.shared().tokenFor();
		List<String> open = new ArrayList<>();
		int checked = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			for (String pattern : mapping.getKey().getPatternValues()) {
				if (isOpen(pattern, openPaths)) {
					continue;
				}
				String uri = pattern.replaceAll("\\{[^}]+}", "x");
				for (RequestMethod method : methodsOf(mapping.getKey())) {
					int status = client.method(HttpMethod.valueOf(method.name()))
						.uri(uri)
						.headers((headers) -> headers.setBearerAuth(roleless))
						.contentType(MediaType.APPLICATION_JSON)
						.body("{}")
						.exchange()
						.returnResult(String.class)
						.getStatus()
						.value();
					checked++;
					if (status != 403) {
						open.add(method + " " + pattern + " answered " + status);
					}
				}
			}
		}
		assertThat(checked).as("endpoints checked").isPositive();
		assertThat(open).as("endpoints without a permission in the service's EndpointRules").isEmpty();
	}

	private static boolean isOpen(String pattern, String... openPaths) {
		for (String open : openPaths) {
			if (paths.match(open, pattern) || pattern.equals(open)) {
				return true;
			}
		}
		return false;
	}

	private static List<RequestMethod> methodsOf(RequestMappingInfo info) {
		List<RequestMethod> methods = new ArrayList<>(info.getMethodsCondition().getMethods());
		return methods.isEmpty() ? List.of(RequestMethod.GET, RequestMethod.POST) : methods;
	}

}
