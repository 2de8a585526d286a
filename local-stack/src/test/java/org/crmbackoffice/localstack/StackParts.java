package org.crmbackoffice.localstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What the tests that run the services as processes share: where the jars are, ports,
 * settings and tokens.
 */
final class StackParts {

	static final Path SERVICES = Path.of("target", "services");

	private StackParts() {
	}

	static Path jarOf(String service) {
		return SERVICES.resolve(service + "-exec.jar");
	}

	/** A service on a database, trusting the issuer, with the demo data. */
	static List<String> serviceProperties(String jdbcUrl, String username, String password, String issuer) {
		List<String> properties = new ArrayList<>(
				List.of("spring.datasource.url=" + jdbcUrl, "spring.datasource.username=" + username,
						"spring.datasource.password=" + password, LocalStack.DEMO_DATA_LOCATIONS));
		properties.addAll(LocalStack.securityProperties(issuer));
		return properties;
	}

	/**
	 * A token of one of the demo clients, from the authorization server, as a CRM front
	 * end obtains it.
	 */
	static String tokenOf(ServiceProcess authServer, String client) {
		Map<String, Object> response = RestTestClient.bindToServer()
			.baseUrl(authServer.baseUrl())
			.build()
			.post()
			.uri("/oauth2/token")
			.headers((headers) -> headers.setBasicAuth(client, client + "-secret"))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("grant_type=client_credentials")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		return (String) response.get("access_token");
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
