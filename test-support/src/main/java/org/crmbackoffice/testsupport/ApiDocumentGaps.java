package org.crmbackoffice.testsupport;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * What an OpenAPI document of this project leaves out that a client generator or a person
 * in Swagger UI relies on: each gap names the operation and what it lacks. An empty list
 * means every operation has a stable id, a summary, its success code (201 with Location
 * for creates, 204 for deletes), the problem responses it can give with the problem
 * schema, the permission it needs, paging headers on lists, typed bodies and answers with
 * an example each (a change, not a whole resource, for patches), filters as parameters
 * and a description of every parameter and of every attribute of every schema.
 */
public final class ApiDocumentGaps {

	private static final String PROBLEM = "#/components/schemas/Problem";

	private ApiDocumentGaps() {
	}

	/** The ids of all operations of a document, in the order of its paths. */
	public static List<String> operationIds(JsonNode document) {
		List<String> ids = new ArrayList<>();
		document.path("paths")
			.forEach((path) -> path.forEach((operation) -> ids.add(operation.path("operationId").asString())));
		return ids;
	}

	public static List<String> of(JsonNode document) {
		List<String> gaps = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			if (path.getKey().startsWith("/error")) {
				gaps.add(path.getKey() + ": the error controller is not API");
			}
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				String name = method.getKey().toUpperCase() + " " + path.getKey();
				gapsOf(name, method.getKey(), path.getKey(), method.getValue(), ids, gaps);
			}
		}
		for (Map.Entry<String, JsonNode> schema : document.path("components").path("schemas").properties()) {
			List<JsonNode> parts = new ArrayList<>(List.of(schema.getValue()));
			schema.getValue().path("allOf").forEach(parts::add);
			for (JsonNode part : parts) {
				part.path("properties").properties().forEach((attribute) -> {
					if (attribute.getValue().path("description").asString("").isBlank()) {
						gaps.add("schema " + schema.getKey() + ": attribute " + attribute.getKey()
								+ " has no description");
					}
				});
			}
		}
		return gaps;
	}

	private static void gapsOf(String name, String method, String path, JsonNode operation, Set<String> ids,
			List<String> gaps) {
		String id = operation.path("operationId").asString("");
		if (!id.matches("[a-z]+[A-Z][A-Za-z0-9]*") || !ids.add(id)) {
			gaps.add(name + ": operation id '" + id + "' is not a unique camel-case verb and resource");
		}
		if (operation.path("summary").asString("").isBlank()) {
			gaps.add(name + ": no summary");
		}
		JsonNode responses = operation.path("responses");
		boolean open = !operation.has("x-required-permissions");
		if (open && !operation.path("description").asString("").contains("Open to every caller")) {
			gaps.add(name + ": states no permission");
		}
		List<String> problems = new ArrayList<>(List.of("400", "429", "503"));
		if (!open) {
			problems.addAll(List.of("401", "403"));
		}
		if (path.contains("{")) {
			problems.add("404");
		}
		if (operation.has("requestBody")) {
			problems.addAll(List.of("415", "422"));
		}
		for (String status : problems) {
			if (!PROBLEM.equals(responses.path(status)
				.path("content")
				.path("application/problem+json")
				.path("schema")
				.path("$ref")
				.asString(""))) {
				gaps.add(name + ": no " + status + " problem response");
			}
		}
		if (method.equals("delete") && path.endsWith("}") && !responses.has("204")) {
			gaps.add(name + ": a delete answers 204");
		}
		if (responses.has("201") && !responses.path("201").path("headers").has("Location")) {
			gaps.add(name + ": a create names its Location");
		}
		boolean paged = false;
		for (JsonNode parameter : operation.path("parameters")) {
			paged |= parameter.path("name").asString("").equals("offset");
			if (parameter.path("description").asString("").isBlank()) {
				gaps.add(name + ": parameter " + parameter.path("name").asString() + " has no description");
			}
		}
		if (paged && !responses.path("200").path("headers").has("X-Total-Count")) {
			gaps.add(name + ": a list states X-Total-Count");
		}
		if (operation.path("description").asString("").contains("Filters:")) {
			gaps.add(name + ": filters in prose instead of as parameters");
		}
		for (Map.Entry<String, JsonNode> response : responses.properties()) {
			if (response.getKey().startsWith("2")) {
				response.getValue().path("content").properties().forEach((media) -> {
					if (media.getKey().equals("application/json") && untyped(media.getValue().path("schema"))) {
						gaps.add(name + ": answers " + response.getKey() + " " + media.getKey() + " without a type");
					}
					if (media.getKey().equals("application/json") && !media.getValue().has("example")) {
						gaps.add(name + ": no example of its " + response.getKey() + " answer");
					}
				});
			}
		}
		operation.path("requestBody").path("content").properties().forEach((media) -> {
			if (untyped(media.getValue().path("schema"))) {
				gaps.add(name + ": takes " + media.getKey() + " without a type");
			}
			JsonNode example = media.getValue().path("example");
			if (example.isMissingNode()) {
				gaps.add(name + ": no example of its " + media.getKey() + " body");
			}
			else if (method.equals("patch") && (example.has("id") || example.has("href"))) {
				gaps.add(name + ": its patch example is a whole resource, not a change");
			}
		});
	}

	/**
	 * A schema without a reference or properties, or an array of such items: a generator
	 * can only make a map.
	 */
	private static boolean untyped(JsonNode schema) {
		if (schema.has("items")) {
			return untyped(schema.path("items"));
		}
		String reference = schema.path("$ref").asString("");
		return (reference.isEmpty() || reference.endsWith("/JsonNode")) && schema.path("properties").isEmpty()
				&& !schema.path("type").asString("").equals("string");
	}

}
