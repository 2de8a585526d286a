package org.crmbackoffice.support.apidocs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import org.crmbackoffice.support.security.EndpointPermissions;
import org.crmbackoffice.support.security.EndpointPermissions.Rule;
import org.crmbackoffice.support.security.RolePermissions;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Completes each operation of a service's OpenAPI document with what holds for all of
 * them, so that a client generator and a person in Swagger UI see the responses the
 * service really gives: the RFC 9457 problem responses (with the TMF630 error members),
 * the permission and roles an operation needs (read from the same rules the security
 * chain applies), 201 with {@code Location} for creates and 204 for deletes.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentationConventions {

	/** The name of the problem schema in the documents' components. */
	public static final String PROBLEM_SCHEMA = "Problem";

	/** The extension that lists the permissions of which a caller needs one. */
	public static final String PERMISSIONS_EXTENSION = "x-required-permissions";

	private static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

	@Bean
	OpenApiCustomizer apiDocumentationConventions(ObjectProvider<EndpointPermissions> endpoints,
			ObjectProvider<RolePermissions> roles) {
		return (openApi) -> complete(openApi, endpoints.getIfAvailable(), roles.getIfAvailable());
	}

	/**
	 * Lists a document's tags in the given order, the main resources first, instead of
	 * the order springdoc meets the controllers in; tags not named follow in alphabetical
	 * order.
	 */
	public static OpenApiCustomizer tagOrder(String... names) {
		List<String> order = List.of(names);
		return (openApi) -> {
			if (openApi.getTags() != null) {
				openApi.setTags(openApi.getTags()
					.stream()
					.sorted(Comparator.comparingInt((Tag tag) -> positionOf(order, tag.getName()))
						.thenComparing(Tag::getName))
					.toList());
			}
		};
	}

	private static int positionOf(List<String> order, String name) {
		int position = order.indexOf(name);
		return (position >= 0) ? position : order.size();
	}

	static void complete(OpenAPI openApi, EndpointPermissions endpoints, RolePermissions roles) {
		if (openApi.getComponents() == null) {
			openApi.setComponents(new Components());
		}
		openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			Optional<Rule> rule = (endpoints != null) ? ruleFor(endpoints, method, path) : Optional.empty();
			documentSuccess(operation);
			documentProblems(path, method, operation, rule.map(Rule::isOpen).orElse(false));
			rule.ifPresent((found) -> documentPermission(operation, found, roles));
			documentPaging(operation);
			describeCommonParameters(operation);
		}));
		CollectionSchemas.type(openApi);
		PropertyDescriptions.describe(openApi);
		nameOperations(openApi);
		ApiExamples.add(openApi);
	}

	/**
	 * Gives each operation an id unique in the document without springdoc's numbered
	 * suffixes ({@code list_3}), which change whenever a controller is added: a handler's
	 * name, qualified by its resource where several handlers share it
	 * ({@code listPartyInteraction}, as TMF names them), then by {@code V4} for the older
	 * API version, then by the API where one service offers the same resource in several
	 * APIs (hubs).
	 */
	private static void nameOperations(OpenAPI openApi) {
		List<NamedOperation> operations = new ArrayList<>();
		openApi.getPaths()
			.forEach((path, item) -> item.readOperations()
				.forEach((operation) -> operations.add(new NamedOperation(path, operation))));
		operations.forEach((named) -> named.operation()
			.setOperationId(named.operation().getOperationId().replaceFirst("_\\d+$", "")));
		qualifyDuplicates(operations, (named) -> true, (named, id) -> id + capitalized(named.resource()));
		qualifyDuplicates(operations, (named) -> named.path().contains("/v4/"), (named, id) -> id + "V4");
		qualifyDuplicates(operations, (named) -> named.path().startsWith("/tmf-api/"), (named, id) -> id
			.replaceFirst(capitalized(named.resource()) + "(V4)?$", capitalized(named.api()) + "$0"));
	}

	private static void qualifyDuplicates(List<NamedOperation> operations, Predicate<NamedOperation> applies,
			BiFunction<NamedOperation, String, String> qualify) {
		Map<String, List<NamedOperation>> byId = operations.stream()
			.collect(Collectors.groupingBy((named) -> named.operation().getOperationId()));
		byId.values()
			.stream()
			.filter((same) -> same.size() > 1)
			.flatMap(List::stream)
			.filter(applies)
			.forEach((named) -> named.operation()
				.setOperationId(qualify.apply(named, named.operation().getOperationId())));
	}

	private static String capitalized(String name) {
		return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	private record NamedOperation(String path, Operation operation) {

		/**
		 * The resource a path addresses: the segment before its first variable, or its
		 * last segment.
		 */
		String resource() {
			List<String> segments = segments();
			for (int i = 1; i < segments.size(); i++) {
				if (segments.get(i).startsWith("{")) {
					return segments.get(i - 1);
				}
			}
			return segments.get(segments.size() - 1);
		}

		/** The TMF API a path belongs to, e.g. customerManagement. */
		String api() {
			return segments().get(1);
		}

		private List<String> segments() {
			return List.of(this.path.substring(1).split("/"));
		}

	}

	private static final Map<String, String> COMMON_PARAMETERS = Map.of("offset",
			"How many matching items to skip (TMF630 paging)", "limit", "How many items to return at most", "sort",
			"Attributes to sort by, comma-separated; a leading - sorts descending", "fields",
			"The attributes to return, comma-separated (TMF630 attribute selection); id and href always", "If-Match",
			"The ETag of the version the change was made against; a stale one answers 412", "Idempotency-Key",
			"A key of the client's choosing: a retried request with the same key answers what the "
					+ "first one did instead of acting twice",
			"X-Channel", "The channel the change came through, recorded in the track record", "id",
			"The resource's identifier", "Accept", "The format of the answer, as the operation describes",
			"Accept-Encoding", "gzip to receive the answer compressed");

	private static void describeCommonParameters(Operation operation) {
		if (operation.getParameters() != null) {
			operation.getParameters()
				.stream()
				.filter((parameter) -> parameter.getDescription() == null)
				.forEach((parameter) -> parameter.setDescription(COMMON_PARAMETERS.get(parameter.getName())));
			// Filters declared by name alone are read as text, as every query parameter
			// is; OpenAPI needs a type.
			operation.getParameters()
				.stream()
				.filter((parameter) -> parameter.getSchema() == null && parameter.getContent() == null)
				.forEach((parameter) -> parameter.setSchema(new StringSchema()));
		}
	}

	/**
	 * Lists page with offset and limit (TMF630) and say how many there are in two
	 * headers.
	 */
	private static void documentPaging(Operation operation) {
		boolean paged = operation.getParameters() != null
				&& operation.getParameters().stream().anyMatch((parameter) -> "offset".equals(parameter.getName()));
		ApiResponse ok = operation.getResponses().get("200");
		if (paged && ok != null) {
			ok.addHeaderObject("X-Total-Count",
					new Header().description("How many items match the request in all").schema(new IntegerSchema()));
			ok.addHeaderObject("X-Result-Count",
					new Header().description("How many items this page holds").schema(new IntegerSchema()));
		}
	}

	private static void documentSuccess(Operation operation) {
		ApiResponses responses = operation.getResponses();
		ApiResponse ok = responses.get("200");
		for (String code : List.of("201", "204")) {
			ApiResponse declared = responses.get(code);
			if (declared != null && ok != null) {
				if (code.equals("201") && declared.getContent() == null) {
					declared.setContent(ok.getContent());
				}
				responses.remove("200");
			}
		}
		ApiResponse created = responses.get("201");
		if (created != null) {
			created.addHeaderObject("Location",
					new Header().description("The address of what was created").schema(new StringSchema()));
		}
		ApiResponse deleted = responses.get("204");
		if (deleted != null) {
			deleted.setContent(null);
		}
	}

	private static void documentProblems(String path, PathItem.HttpMethod method, Operation operation, boolean open) {
		boolean hasBody = operation.getRequestBody() != null;
		Map<String, String> problems = new LinkedHashMap<>();
		problems.put("400", "The request is malformed or a parameter is not valid (invalid-request, "
				+ "malformed-request); errors[] points at each field");
		if (!open) {
			problems.put("401", "No valid bearer token (unauthenticated)");
			problems.put("403", "The caller's roles lack the permission this operation needs (forbidden)");
		}
		if (path.contains("{")) {
			problems.put("404", "No such resource, or none the caller may see (not-found)");
		}
		if (method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE) {
			problems.put("412", "If-Match names a version that is no longer current (precondition-failed)");
		}
		if (hasBody) {
			problems.put("415", "The body is not of a content type this operation reads (unsupported-media-type)");
			problems.put("422", "The body is well-formed but refers to something that does not exist or reuses "
					+ "an Idempotency-Key (unknown-reference, idempotency-key-reused)");
		}
		problems.put("429",
				"The caller has used its request budget; Retry-After says when to try again (too-many-requests)");
		problems.put("503", "The service cannot reach its database or a service it depends on "
				+ "(database-unavailable, peer-unavailable)");
		ApiResponses responses = operation.getResponses();
		problems.forEach((status, description) -> {
			if (!responses.containsKey(status)) {
				responses.addApiResponse(status, problemResponse(description, status.equals("429")));
			}
		});
	}

	private static ApiResponse problemResponse(String description, boolean retryAfter) {
		ApiResponse response = new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_MEDIA_TYPE,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
		if (retryAfter) {
			response.addHeaderObject("Retry-After",
					new Header().description("Seconds until the budget allows a request again")
						.schema(new IntegerSchema()));
		}
		return response;
	}

	private static void documentPermission(Operation operation, Rule rule, RolePermissions roles) {
		String needs;
		if (rule.isOpen()) {
			needs = "Open to every caller, without a token.";
		}
		else {
			Set<String> holders = new TreeSet<>();
			if (roles != null) {
				roles.table().forEach((role, permissions) -> {
					if (rule.grants(permissions)) {
						holders.add(role);
					}
				});
			}
			needs = "Needs the permission " + String.join(" or ", new TreeSet<>(rule.anyOf()))
					+ (holders.isEmpty() ? "." : " (roles: " + String.join(", ", holders) + ").");
			operation.addExtension(PERMISSIONS_EXTENSION, List.copyOf(new TreeSet<>(rule.anyOf())));
		}
		String description = operation.getDescription();
		operation.setDescription(
				(description == null || description.isBlank()) ? needs : description.strip() + "\n\n" + needs);
	}

	/**
	 * The first rule of the chain that matches the operation, as it would match a request
	 * to a concrete path.
	 */
	private static Optional<Rule> ruleFor(EndpointPermissions endpoints, PathItem.HttpMethod method, String template) {
		PathContainer path = PathContainer.parsePath(template.replaceAll("\\{[^}]+}", "id"));
		return endpoints.rules()
			.stream()
			.filter((rule) -> rule.method() == null || rule.method().name().equals(method.name()))
			.filter((rule) -> rule.patterns()
				.stream()
				.anyMatch((pattern) -> PathPatternParser.defaultInstance.parse(pattern).matches(path)))
			.findFirst();
	}

	@SuppressWarnings("rawtypes")
	private static Schema<?> problemSchema() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("type", new StringSchema().format("uri")
			.description("Identifies the kind of problem, e.g. urn:crm-backoffice:problem:not-found"));
		properties.put("title", new StringSchema().description("A short summary of the kind of problem"));
		properties.put("status", new IntegerSchema().description("The HTTP status code"));
		properties.put("detail", new StringSchema().description("What went wrong with this request"));
		properties.put("instance", new StringSchema().format("uri-reference").description("The request's path"));
		properties.put("requestId",
				new StringSchema().description("The X-Request-ID of the request, to quote when reporting the problem"));
		properties.put("errors", new ArraySchema().description("One entry per field that is not valid")
			.items(new ObjectSchema()
				.addProperty("pointer",
						new StringSchema().description("JSON Pointer (RFC 6901) to the field in the request body, "
								+ "or the name of the query parameter"))
				.addProperty("detail", new StringSchema().description("What is wrong with the field"))));
		properties.put("@type", new StringSchema().description("TMF630 Error: always Error"));
		properties.put("code", new StringSchema().description("TMF630 Error: the problem type's short code"));
		properties.put("reason", new StringSchema().description("TMF630 Error: the title"));
		properties.put("message", new StringSchema().description("TMF630 Error: the detail"));
		properties.put("referenceError",
				new StringSchema().format("uri").description("TMF630 Error: the problem type URI"));
		return new ObjectSchema().description("An RFC 9457 problem detail that is also a TMF630 Error")
			.properties(properties)
			.required(List.of("type", "title", "status"));
	}

}
