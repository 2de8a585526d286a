package org.crmbackoffice.support.hub;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.FieldProblem;
import tools.jackson.databind.JsonNode;

/**
 * A listener's query, TMF630 style: {@code eventType=PartyInteractionStatusChangeEvent,
 * PartyInteractionCreateEvent&event.partyInteraction.relatedParty.partyOrPartyRole.id=42}.
 * Every condition must hold; a condition holds when the attribute (any element, through
 * arrays) equals one of the listed values.
 */
public final class EventFilter {

	private final List<Condition> conditions;

	private EventFilter(List<Condition> conditions) {
		this.conditions = conditions;
	}

	public static EventFilter parse(String query) {
		List<Condition> conditions = new ArrayList<>();
		if (query == null || query.isBlank()) {
			return new EventFilter(conditions);
		}
		// Clients copy queries from URLs, leading '?' included, and some space them out:
		// "eventType = X".
		for (String part : query.strip().replaceFirst("^\\?", "").split("&")) {
			int equals = part.indexOf('=');
			String path = decode((equals > 0) ? part.substring(0, equals) : part).trim();
			String values = (equals > 0) ? decode(part.substring(equals + 1)) : "";
			if (equals <= 0 || values.isBlank() || !(path.equals("eventType") || path.startsWith("event."))) {
				throw new ApiProblemException(ProblemType.INVALID_REQUEST,
						"The query must be name=value conditions on eventType or event.<attribute>.",
						List.of(new FieldProblem("/query", "'" + part + "' is not such a condition")), null);
			}
			conditions.add(new Condition(List.of(path.split("\\.")),
					Arrays.stream(values.split(",")).map(String::strip).collect(Collectors.toSet())));
		}
		return new EventFilter(conditions);
	}

	/**
	 * @param envelope the event as listeners receive it, so paths read as in the query
	 */
	public boolean matches(JsonNode envelope) {
		for (Condition condition : this.conditions) {
			if (!holds(envelope, condition.path(), 0, condition.values())) {
				return false;
			}
		}
		return true;
	}

	private static boolean holds(JsonNode node, List<String> path, int depth, Set<String> values) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return false;
		}
		if (node.isArray()) {
			for (JsonNode element : node) {
				if (holds(element, path, depth, values)) {
					return true;
				}
			}
			return false;
		}
		if (depth == path.size()) {
			return node.isValueNode() && values.contains(node.asString());
		}
		return holds(node.get(path.get(depth)), path, depth + 1, values);
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	private record Condition(List<String> path, Set<String> values) {
	}

}
