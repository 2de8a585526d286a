package org.crmbackoffice.inventory.audit;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a write changed, for the audit trail: the JSON pointer of every field whose value
 * differs between before and after (objects are compared field by field, lists as a
 * whole), sorted by pointer. The trail keeps the values only of fields that cannot hold
 * personal data, such as the status and validity period; of every other field it records
 * that it changed and marks it {@code "personal": true}, so that the trail holds nothing
 * about a person beyond the record's id and survives the person's erasure without keeping
 * what the erasure removed. A field is personal unless listed here, so a field added to
 * the record later is protected from the start.
 */
final class ChangeDiff {

	/**
	 * Values the trail keeps: lifecycle and validity, nothing that describes or reaches a
	 * person.
	 */
	private static final Set<String> NON_PERSONAL = Set.of("/status", "/validFor/startDateTime",
			"/validFor/endDateTime", "/engagedParty/@type", "/engagedParty/@referredType", "/engagedPartyResolution",
			"/agreementType", "/agreementPeriod/startDateTime", "/agreementPeriod/endDateTime");

	/** Identity, bookkeeping and views that a write does not change by itself. */
	private static final Set<String> IGNORED = Set.of("/id", "/href", "/@type", "/creationDate", "/lastUpdate",
			"/agreement", "/recentInteractions");

	private ChangeDiff() {
	}

	/**
	 * @param before the record before the write, {@code null} for a create
	 * @param after the record after the write
	 * @return the changes as a JSON array, or {@code null} when the write has no before
	 * and after (an export)
	 */
	static String of(JsonMapper json, Object before, Object after) {
		if (before == null && after == null) {
			return null;
		}
		Map<String, JsonNode> old = leaves(json, before);
		Map<String, JsonNode> current = leaves(json, after);
		Set<String> fields = new TreeSet<>(old.keySet());
		fields.addAll(current.keySet());
		ArrayNode changes = json.createArrayNode();
		for (String field : fields) {
			JsonNode was = old.get(field);
			JsonNode is = current.get(field);
			if (Objects.equals(was, is)) {
				continue;
			}
			ObjectNode change = changes.addObject().put("field", field);
			if (NON_PERSONAL.contains(field)) {
				change.set("before", (was != null) ? was : NullNode.getInstance());
				change.set("after", (is != null) ? is : NullNode.getInstance());
			}
			else {
				change.put("personal", true);
			}
		}
		return json.writeValueAsString(changes);
	}

	private static Map<String, JsonNode> leaves(JsonMapper json, Object record) {
		Map<String, JsonNode> leaves = new TreeMap<>();
		if (record != null) {
			collect("", json.valueToTree(record), leaves);
		}
		return leaves;
	}

	private static void collect(String pointer, JsonNode node, Map<String, JsonNode> leaves) {
		if (IGNORED.contains(pointer) || node == null || node.isNull() || (node.isArray() && node.isEmpty())) {
			return;
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				collect(pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), field.getValue(), leaves);
			}
		}
		else {
			leaves.put(pointer, node);
		}
	}

}
