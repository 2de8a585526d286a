package org.crmbackoffice.support.apidocs;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * Gives each collection's operations the schema of the resource the collection holds
 * where the handlers answer untyped JSON: lists (because of attribute selection), parties
 * (one handler serves individuals and organizations) and merge patches (read as a JSON
 * tree). Without it a client generator sees {@code object} and a person in Swagger UI
 * sees no attributes.
 */
final class CollectionSchemas {

	private static final String MERGE_PATCH = "A JSON merge patch (RFC 7396): the attributes to change with their new "
			+ "values; null removes an attribute. Attributes the service sets (id, href, dates) cannot change.";

	private static final String TREE_SCHEMA = "#/components/schemas/JsonNode";

	private CollectionSchemas() {
	}

	@SuppressWarnings("rawtypes")
	static void type(OpenAPI openApi) {
		Map<String, PathItem> paths = openApi.getPaths();
		paths.forEach((path, collection) -> {
			PathItem member = paths.get(path + "/{id}");
			if (member == null) {
				return;
			}
			Schema<?> resource = Stream
				.of(answer(member.getGet(), "200"), answer(collection.getPost(), "201"), body(collection.getPost()))
				.filter(Objects::nonNull)
				.filter((schema) -> schema.get$ref() != null && !TREE_SCHEMA.equals(schema.get$ref()))
				.findFirst()
				.orElse(null);
			if (resource == null) {
				return;
			}
			Schema<?> list = answer(collection.getGet(), "200");
			if (list != null && list.getItems() != null && untyped(list.getItems())) {
				list.setItems(reference(resource));
			}
			type(collection.getPost(), "201", resource);
			type(member.getGet(), "200", resource);
			type(member.getPatch(), "200", resource);
			RequestBody patch = (member.getPatch() != null) ? member.getPatch().getRequestBody() : null;
			if (patch != null && patch.getContent() != null) {
				patch.getContent()
					.values()
					.stream()
					.filter((media) -> untyped(media.getSchema()))
					.forEach((media) -> media.setSchema(reference(resource)));
				if (patch.getDescription() == null) {
					patch.setDescription(MERGE_PATCH);
				}
			}
		});
		Map<String, Schema> schemas = (openApi.getComponents() != null) ? openApi.getComponents().getSchemas() : null;
		if (schemas != null && schemas.containsKey("JsonNode")) {
			schemas.remove("JsonNode");
			// What remains of it (an audit entry's changes) is any JSON: springdoc would
			// list the tree class's getters.
			if (referenced(openApi, TREE_SCHEMA)) {
				schemas.put("JsonNode", new ObjectSchema().description("Any JSON value"));
			}
		}
	}

	private static void type(Operation operation, String status, Schema<?> resource) {
		ApiResponse response = (operation != null) ? operation.getResponses().get(status) : null;
		if (response != null && response.getContent() != null) {
			response.getContent()
				.values()
				.stream()
				.filter((media) -> untyped(media.getSchema()))
				.forEach((media) -> media.setSchema(reference(resource)));
		}
	}

	private static Schema<?> answer(Operation operation, String status) {
		ApiResponse response = (operation != null) ? operation.getResponses().get(status) : null;
		return (response != null) ? json(response.getContent()) : null;
	}

	private static Schema<?> body(Operation operation) {
		return (operation != null && operation.getRequestBody() != null) ? json(operation.getRequestBody().getContent())
				: null;
	}

	private static Schema<?> json(Content content) {
		MediaType media = (content != null) ? content.get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE)
				: null;
		return (media != null) ? media.getSchema() : null;
	}

	/**
	 * A schema that says nothing about its instances: no reference, no properties, at
	 * most "an object".
	 */
	private static boolean untyped(Schema<?> schema) {
		if (schema == null || TREE_SCHEMA.equals(schema.get$ref())) {
			return true;
		}
		Set<String> types = schema.getTypes();
		return schema.get$ref() == null && schema.getItems() == null
				&& (schema.getProperties() == null || schema.getProperties().isEmpty())
				&& (schema.getType() == null || "object".equals(schema.getType()))
				&& (types == null || types.isEmpty() || types.equals(Set.of("object")));
	}

	private static Schema<?> reference(Schema<?> resource) {
		return new Schema<>().$ref(resource.get$ref());
	}

	/**
	 * Whether anything in the document, an operation or another schema's property, still
	 * refers to the schema.
	 */
	private static boolean referenced(OpenAPI openApi, String reference) {
		try {
			return Json.mapper().writeValueAsString(openApi).contains("\"" + reference + "\"");
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("The API document cannot be written", ex);
		}
	}

}
