package org.crmbackoffice.support.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * TMF630 attribute selection: {@code fields=status,channel} returns only those top-level
 * attributes, always with {@code id}, {@code href} and {@code @type} so each item can
 * still be followed.
 */
public final class FieldSelection {

	private static final Set<String> ALWAYS = Set.of("id", "href", "@type");

	private FieldSelection() {
	}

	/**
	 * The items as they are when no fields are asked for, else reduced to the asked
	 * attributes.
	 */
	public static List<?> select(List<?> items, String fields, JsonMapper json) {
		if (fields == null || fields.isBlank()) {
			return items;
		}
		Set<String> kept = Arrays.stream(fields.split(","))
			.map(String::trim)
			.filter((field) -> !field.isEmpty())
			.collect(Collectors.toSet());
		return items.stream().map((item) -> {
			ObjectNode node = (ObjectNode) json.valueToTree(item);
			node.retain(node.propertyNames()
				.stream()
				.filter((name) -> ALWAYS.contains(name) || kept.contains(name))
				.toList());
			return (JsonNode) node;
		}).toList();
	}

}
