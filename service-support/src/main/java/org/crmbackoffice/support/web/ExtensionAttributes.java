package org.crmbackoffice.support.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Refuses attributes that the resource a client sends does not have, so that a misspelt
 * attribute is an error instead of a change that silently does nothing, while keeping
 * TMF630's extension pattern open: attributes named with an {@code @} ({@code @type},
 * {@code @baseType}, {@code @schemaLocation}, {@code @referredType}) are accepted on
 * every object, and an object that names the JSON schema of its extension in
 * {@code @schemaLocation} may carry the attributes that schema adds. The service does not
 * keep extension attributes.
 * <p>
 * Only what clients send is read this strictly. Responses of other services and the
 * service's own stored JSON are read with the shared mapper, which tolerates attributes
 * it does not know, so one service can add an attribute without breaking the other.
 */
public final class ExtensionAttributes extends DeserializationProblemHandler {

	static final String SCHEMA_LOCATION = "@schemaLocation";

	/**
	 * The JSON document being read, when it is bound from a tree, e.g. a merge patch
	 * applied to a resource.
	 */
	static final String DOCUMENT_ATTRIBUTE = ExtensionAttributes.class.getName() + ".document";

	/**
	 * The raw request body, kept by {@link StrictRequestBodies} until an unknown
	 * attribute needs its context.
	 */
	static final String BODY_ATTRIBUTE = ExtensionAttributes.class.getName() + ".body";

	private static final ExtensionAttributes INSTANCE = new ExtensionAttributes();

	private ExtensionAttributes() {
	}

	/** The shared mapper as it reads client requests. */
	public static JsonMapper strict(JsonMapper json) {
		return json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).addHandler(INSTANCE).build();
	}

	/**
	 * Binds a document the service assembled from what a client sent, e.g. a merge patch
	 * applied to the resource, as strictly as a request body.
	 */
	static <T> T bind(JsonMapper json, JsonNode document, Class<T> type) {
		return json.readerFor(type)
			.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.withHandler(INSTANCE)
			.withAttribute(DOCUMENT_ATTRIBUTE, document)
			.readValue(document);
	}

	@Override
	public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
			ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
		if (propertyName.startsWith("@") || declaresExtensionSchema(context, enclosingObject(parser))) {
			parser.skipChildren();
			return true;
		}
		return false;
	}

	/**
	 * Where the object holding the attribute at the parser's position sits in the
	 * document.
	 */
	private static JsonPointer enclosingObject(JsonParser parser) {
		TokenStreamContext object = parser.streamReadContext();
		JsonToken value = parser.currentToken();
		if (value != null && value.isStructStart()) {
			object = object.getParent();
		}
		TokenStreamContext holder = object.getParent();
		return (holder != null) ? holder.pathAsPointer() : JsonPointer.empty();
	}

	private static boolean declaresExtensionSchema(DeserializationContext context, JsonPointer object) {
		JsonNode document = document(context);
		return document != null && document.at(object).path(SCHEMA_LOCATION).isString();
	}

	private static JsonNode document(DeserializationContext context) {
		if (context.getAttribute(DOCUMENT_ATTRIBUTE) instanceof JsonNode tree) {
			return tree;
		}
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null
				&& request.getAttribute(BODY_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof byte[] body) {
			return JsonMapper.shared().readTree(body);
		}
		return null;
	}

}
