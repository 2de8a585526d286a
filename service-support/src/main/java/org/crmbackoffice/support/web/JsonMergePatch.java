package org.crmbackoffice.support.web;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * RFC 7386 JSON Merge Patch, the body of a TMF630 {@code PATCH} with
 * {@code application/merge-patch+json}: an object merges member by member, {@code null}
 * removes a member, anything else (arrays included) replaces.
 */
public final class JsonMergePatch {

	public static final String MEDIA_TYPE = "application/merge-patch+json";

	private JsonMergePatch() {
	}

	public static JsonNode apply(JsonNode target, JsonNode patch) {
		if (!patch.isObject()) {
			return patch;
		}
		ObjectNode result = (target != null && target.isObject()) ? (ObjectNode) target.deepCopy()
				: JsonNodeFactory.instance.objectNode();
		for (Map.Entry<String, JsonNode> member : patch.properties()) {
			if (member.getValue().isNull()) {
				result.remove(member.getKey());
			}
			else {
				result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
			}
		}
		return result;
	}

}
