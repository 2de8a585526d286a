package org.crmbackoffice.support.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Puts realistic examples into a service's OpenAPI document, read from
 * {@code api-examples/*.json} on the class path, so that Swagger UI's "Try it out" starts
 * from a request the service accepts and shows an answer as the service gives it. A file
 * named after a schema ({@code Customer.json}) is the example of every body and answer of
 * that schema (as one item of lists); a file named after an operation id
 * ({@code patchCustomer.json}) is the example of that operation's request body, for
 * bodies that differ from the schema's (merge patches, creates that take the resource's
 * schema). A file that names neither is a mistake: the document is not built (and its
 * test fails) until it is renamed.
 * <p>
 * The examples are read with swagger-core's own (Jackson 2) mapper: the document's models
 * hold them as its trees and springdoc writes the document with that mapper.
 */
final class ApiExamples {

	static final String LOCATION = "classpath*:api-examples/*.json";

	private static final String SCHEMAS = "#/components/schemas/";

	private ApiExamples() {
	}

	static void add(OpenAPI openApi) {
		Map<String, JsonNode> examples = read(new PathMatchingResourcePatternResolver());
		if (examples.isEmpty()) {
			return;
		}
		Set<String> used = new HashSet<>();
		openApi.getPaths().values().forEach((item) -> item.readOperations().forEach((operation) -> {
			JsonNode own = examples.get(operation.getOperationId());
			if (own != null) {
				used.add(operation.getOperationId());
			}
			if (operation.getRequestBody() != null) {
				exemplify(operation.getRequestBody().getContent(), examples, used, own);
			}
			operation.getResponses()
				.entrySet()
				.stream()
				.filter((response) -> response.getKey().startsWith("2"))
				.forEach((response) -> exemplify(response.getValue().getContent(), examples, used, null));
		}));
		Set<String> unused = new HashSet<>(examples.keySet());
		unused.removeAll(used);
		if (!unused.isEmpty()) {
			throw new IllegalStateException("The API examples " + unused + " name no schema of a body or answer "
					+ "and no operation id; rename them after one");
		}
	}

	private static void exemplify(Content content, Map<String, JsonNode> examples, Set<String> used, JsonNode own) {
		if (content == null) {
			return;
		}
		content.forEach((type, media) -> {
			if (!type.contains("json") || media.getExample() != null) {
				return;
			}
			if (own != null) {
				media.setExample(own);
				return;
			}
			example(media, examples).ifPresent(used::add);
		});
	}

	/**
	 * Sets the example of the schema the media type refers to, directly or as a list's
	 * items; its name if any.
	 */
	private static Optional<String> example(MediaType media, Map<String, JsonNode> examples) {
		Schema<?> schema = media.getSchema();
		if (schema == null) {
			return Optional.empty();
		}
		boolean list = schema.getItems() != null;
		String reference = list ? schema.getItems().get$ref() : schema.get$ref();
		if (reference == null || !reference.startsWith(SCHEMAS)) {
			return Optional.empty();
		}
		String name = reference.substring(SCHEMAS.length());
		JsonNode example = examples.get(name);
		if (example == null) {
			return Optional.empty();
		}
		media.setExample(list ? Json.mapper().createArrayNode().add(example) : example);
		return Optional.of(name);
	}

	private static Map<String, JsonNode> read(ResourcePatternResolver resolver) {
		Map<String, JsonNode> examples = new HashMap<>();
		try {
			for (Resource resource : resolver.getResources(LOCATION)) {
				String name = resource.getFilename().replaceFirst("\\.json$", "");
				try (InputStream in = resource.getInputStream()) {
					examples.put(name, Json.mapper().readTree(in));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The API examples cannot be read", ex);
		}
		return examples;
	}

}
