package org.crmbackoffice.testsupport;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Calls an API with JSON written out by hand and reads the answers as JSON trees, the way
 * a client generated from a TM Forum specification sees them: by the specification's
 * attribute names, not by this project's records.
 */
public final class JsonClient {

	private final RestTestClient client;

	private final JsonMapper json;

	public JsonClient(RestTestClient client, JsonMapper json) {
		this.client = client;
		this.json = json;
	}

	/** Creates a resource; anything but 201 fails the test. */
	public JsonNode post(String uri, String body) {
		return this.json.readTree(this.client.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

	/** Changes a resource with a JSON merge patch; anything but 200 fails the test. */
	public JsonNode patch(String uri, String mergePatch) {
		return okBody(this.client.patch()
			.uri(uri)
			.contentType(MediaType.parseMediaType("application/merge-patch+json"))
			.body(mergePatch));
	}

	/** Reads a resource or a list; anything but 200 fails the test. */
	public JsonNode get(String uri) {
		return okBody(this.client.get().uri(uri));
	}

	private JsonNode okBody(RestTestClient.RequestHeadersSpec<?> request) {
		return this.json.readTree(
				request.exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
	}

	/** The ids of the resources a list answers, in its order. */
	public List<String> ids(String uri) {
		return get(uri).valueStream().map((resource) -> resource.path("id").asString()).toList();
	}

}
