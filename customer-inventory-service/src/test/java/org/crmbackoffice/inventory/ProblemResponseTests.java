package org.crmbackoffice.inventory;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.crmbackoffice.model.customer.CustomerApi;
import org.crmbackoffice.support.security.Roles;
import org.crmbackoffice.testsupport.ApiIntegrationTest;
import org.crmbackoffice.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a client gets wrong, it gets an RFC 9457 problem with a stable type, never a
 * stack trace or an HTML page, and the request id to quote.
 */
@ApiIntegrationTest
class ProblemResponseTests {

	RestTestClient client;

	@LocalServerPort
	int port;

	@Autowired
	void authenticateAsAdmin(RestTestClient client) {
		this.client = client.mutate()
			.defaultHeaders((headers) -> headers.setBearerAuth(TestIssuer.shared().tokenFor(Roles.ADMIN)))
			.build();
	}

	@Test
	void answersMalformedJsonWithMalformedRequestProblem() {
		this.client.post()
			.uri(CustomerApi.BASE_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\": \"Ada\",")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:malformed-request")
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.trace")
			.doesNotExist();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "null", "[]", "{\"name\": \"Ada\",", "{\"name\": \"Ada\", \"validFor\": 7}",
			"{\"name\": {\"first\": \"Ada\"}}" })
	void answersBodiesItCannotReadWithoutNamingAnythingInternal(String body) {
		byte[] problem = this.client.post()
			.uri(CustomerApi.BASE_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:malformed-request")
			.returnResult()
			.getResponseBodyContent();
		assertThat(new String(problem, StandardCharsets.UTF_8)).doesNotContain("org.", "java.", "tools.", "public ",
				"`", "ResponseEntity", "Exception");
	}

	@Test
	void pointsAtTheValueItCannotRead() {
		this.client.post()
			.uri(CustomerApi.BASE_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\": \"Ada\", \"contactMedium\": [{\"@type\": \"EmailContactMedium\", \"preferred\": [1]}]}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/contactMedium/0/preferred");
	}

	@Test
	void refusesACreateWithAnAttributeTheResourceDoesNotHave() {
		String name = "Unknown Attribute " + UUID.randomUUID();
		this.client.post()
			.uri(CustomerApi.BASE_PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\": \"" + name + "\", \"engagedParty\": {\"@type\": \"Organization\", "
					+ "\"tradingName\": \"Acme\"}, \"creditRating\": 700}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:malformed-request")
			.jsonPath("$.errors[0].pointer")
			.isEqualTo("/creditRating");

		this.client.get()
			.uri(CustomerApi.BASE_PATH + "?name=" + name)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Total-Count", "0");
	}

	/**
	 * Requests Tomcat refuses before the application sees them, or cannot decode when it
	 * asks for a parameter, sent as raw HTTP since no client would send them.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "GET /tmf-api/customerManagement/v5/customer/%2e%2e%2f%2e%2e%2fetc HTTP/1.1",
			"GET /tmf-api/customerManagement/v5/customer?status=LONG HTTP/1.1", "GET /customer/\u0001 HTTP/1.1",
			"GET /tmf-api/customerManagement/v5/customer?fields=%ZZ HTTP/1.1",
			"GET /tmf-api/customerManagement/v5/customer?name=% HTTP/1.1",
			"GET /tmf-api/customerManagement/v5/customer HTTP/1.1\r\nX-Request-ID: LONG" })
	void answersRequestsTheContainerRefusesWithProblems(String requestLines) throws IOException {
		String request = requestLines.replace("LONG", "x".repeat(20_000));
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.getOutputStream()
				.write((request + "\r\nHost: localhost\r\nAuthorization: Bearer "
						+ TestIssuer.shared().tokenFor(Roles.ADMIN) + "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(response).startsWith("HTTP/1.1 400")
				.containsIgnoringCase("Content-Type: application/problem+json")
				.contains("\"type\":\"urn:crm-backoffice:problem:")
				.doesNotContainIgnoringCase("<html")
				.doesNotContain("Tomcat", "org.", "java.");
		}
	}

	@Test
	void answersWrongContentTypeWithUnsupportedMediaTypeProblem() {
		this.client.post()
			.uri(CustomerApi.BASE_PATH)
			.contentType(MediaType.TEXT_PLAIN)
			.body("name=Ada")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:unsupported-media-type");
	}

	@Test
	void answersUnknownPathWithNotFoundProblemEvenForBrowsers() {
		this.client.get()
			.uri("/nothing/here")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:not-found");
	}

	@Test
	void answersUnsupportedMethodWithMethodNotAllowedProblem() {
		this.client.delete()
			.uri(CustomerApi.BASE_PATH)
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.exists("Allow")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:crm-backoffice:problem:method-not-allowed");
	}

	@Test
	void echoesACallersRequestIdAndQuotesItInProblems() {
		this.client.get()
			.uri(CustomerApi.BASE_PATH + "/unknown")
			.header("X-Request-ID", "crm-frontend-42")
			.exchange()
			.expectHeader()
			.valueEquals("X-Request-ID", "crm-frontend-42")
			.expectBody()
			.jsonPath("$.requestId")
			.isEqualTo("crm-frontend-42");
	}

	@Test
	void replacesARequestIdThatCouldForgeLogLines() {
		this.client.get()
			.uri("/actuator/health")
			.header("X-Request-ID", "abc\" injected=\"true")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueMatches("X-Request-ID", "[0-9a-f-]{36}");
	}

}
