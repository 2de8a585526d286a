package org.crmbackoffice.testsupport;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends the request examples of an OpenAPI document to the service that published it, as
 * a person would from Swagger UI's "Try it out", so that a test can show each example is
 * a request the service accepts. Examples that refer to other resources get the ids of
 * those a test created first.
 */
public final class ApiExampleRequests {

	private final Map<String, Example> examples = new LinkedHashMap<>();

	private final Set<String> sent = new LinkedHashSet<>();

	private final RestTestClient client;

	private final JsonMapper json;

	public ApiExampleRequests(JsonNode document, RestTestClient client, JsonMapper json) {
		this.client = client;
		this.json = json;
		document.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
			JsonNode content = method.getValue().path("requestBody").path("content");
			content.properties()
				.stream()
				.filter((media) -> media.getValue().has("example"))
				.findFirst()
				.ifPresent((media) -> this.examples.put(method.getValue().path("operationId").asString(),
						new Example(HttpMethod.valueOf(method.getKey().toUpperCase()), path.getKey(), media.getKey(),
								media.getValue().path("example"))));
		}));
	}

	/**
	 * Sends the example of an operation, its path's variable replaced by {@code id} and
	 * the values at the given JSON pointers of the body replaced, and answers what the
	 * service answered, which must be a success.
	 */
	public JsonNode send(String operationId, String id, Map<String, String> replacements) {
		Example example = this.examples.get(operationId);
		assertThat(example).as("the request example of " + operationId).isNotNull();
		JsonNode body = example.body().deepCopy();
		replacements.forEach((pointer, value) -> {
			int last = pointer.lastIndexOf('/');
			((ObjectNode) body.at(pointer.substring(0, last))).put(pointer.substring(last + 1), value);
		});
		String path = example.path().replaceFirst("\\{[^}]+}", (id != null) ? id : "");
		String answer = this.client.method(example.method())
			.uri(path)
			.contentType(MediaType.parseMediaType(example.mediaType()))
			.body(this.json.writeValueAsString(body))
			.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		this.sent.add(operationId);
		return (answer != null) ? this.json.readTree(answer) : this.json.nullNode();
	}

	public JsonNode send(String operationId) {
		return send(operationId, null, Map.of());
	}

	public JsonNode send(String operationId, String id) {
		return send(operationId, id, Map.of());
	}

	/** The operations with a request example that no call sent yet. */
	public Set<String> unsent() {
		Set<String> unsent = new LinkedHashSet<>(this.examples.keySet());
		unsent.removeAll(this.sent);
		return unsent;
	}

	private record Example(HttpMethod method, String path, String mediaType, JsonNode body) {
	}

}
