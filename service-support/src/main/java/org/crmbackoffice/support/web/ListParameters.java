package org.crmbackoffice.support.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;
import org.crmbackoffice.support.problem.FieldProblem;

import org.springframework.data.domain.Sort;

/**
 * The TMF630 query parameters of a list, read the same way in every service: attribute
 * filters such as {@code status=approved} or
 * {@code creationDate.gt=2026-01-01T00:00:00Z}, and {@code sort=-creationDate,name}. A
 * filter or sort key a list does not know is refused rather than ignored, so a client's
 * typo never widens its answer; every refused parameter is named in one 400 problem.
 */
public final class ListParameters {

	/** The parameters that page and shape a list rather than filter it. */
	public static final Set<String> PAGING_AND_SHAPING = Set.of("offset", "limit", "fields", "sort");

	private ListParameters() {
	}

	/**
	 * Hands every filter parameter to the reader.
	 * @throws ApiProblemException 400 with a field problem for each parameter the reader
	 * does not know or whose value it cannot read
	 */
	public static void readFilters(Map<String, String> parameters, FilterReader reader) {
		List<FieldProblem> problems = new ArrayList<>();
		for (Map.Entry<String, String> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			String value = parameter.getValue();
			if (PAGING_AND_SHAPING.contains(name)) {
				continue;
			}
			// PostgreSQL refuses text with NUL characters outright; it is bad input, not
			// a failure of the query.
			if (value.indexOf('\0') >= 0) {
				problems.add(new FieldProblem(name, "must not contain NUL characters"));
				continue;
			}
			try {
				if (!reader.read(name, value)) {
					problems.add(new FieldProblem(name, "is not a filter of this list"));
				}
			}
			catch (IllegalArgumentException | DateTimeException ex) {
				problems.add(new FieldProblem(name, "'" + value + "' is not a valid value"
						+ ((ex instanceof InvalidFilterValueException) ? ": " + ex.getMessage() : "")));
			}
		}
		if (!problems.isEmpty()) {
			throw new ApiProblemException(ProblemType.INVALID_REQUEST, "The list filters are not valid; see errors.",
					problems, null);
		}
	}

	/**
	 * The resources a TMF630 {@code id} or {@code href} filter names, one or a
	 * comma-separated list; an href names its resource by its last path segment, wherever
	 * the client found it. A value that is no UUID names no resource of this service and
	 * is left out, so the filter finds nothing rather than being refused.
	 * @param name {@code id} or {@code href}
	 */
	public static List<UUID> resourceIds(String name, String value) {
		return Arrays.stream(value.split(","))
			.map(String::strip)
			.map((each) -> "href".equals(name) ? lastSegmentOf(each) : each)
			.map(ApiResponses::parseId)
			.flatMap(Optional::stream)
			.toList();
	}

	private static String lastSegmentOf(String href) {
		String path = href.endsWith("/") ? href.substring(0, href.length() - 1) : href;
		return path.substring(path.lastIndexOf('/') + 1);
	}

	/**
	 * A date-time filter value: ISO 8601 with an offset, e.g.
	 * {@code 2026-01-01T00:00:00Z}.
	 */
	public static Instant instant(String value) {
		return OffsetDateTime.parse(value).toInstant();
	}

	/**
	 * The order a {@code sort} parameter asks for: comma-separated keys, each ascending
	 * or, with a leading {@code -}, descending.
	 * @param sortable the keys clients may sort by, each with the property it sorts
	 * @param unsorted the order when the client asks for none
	 * @param tieBreaker appended to a client's order so that pages never overlap
	 * @throws ApiProblemException 400 naming the sortable keys when a key is not one of
	 * them
	 */
	public static Sort sort(String sort, Map<String, String> sortable, Sort unsorted, Sort.Order tieBreaker) {
		if (sort == null || sort.isBlank()) {
			return unsorted;
		}
		List<Sort.Order> orders = new ArrayList<>();
		for (String key : sort.split(",")) {
			boolean descending = key.trim().startsWith("-");
			String name = descending ? key.trim().substring(1) : key.trim();
			String property = sortable.get(name);
			if (property == null) {
				throw new ApiProblemException(ProblemType.INVALID_REQUEST, "Cannot sort by " + name + ".",
						List.of(new FieldProblem("sort", "sortable: " + String.join(", ", sortable.keySet()))), null);
			}
			orders.add(descending ? Sort.Order.desc(property) : Sort.Order.asc(property));
		}
		orders.add(tieBreaker);
		return Sort.by(orders);
	}

	/** Reads one filter of a list. */
	@FunctionalInterface
	public interface FilterReader {

		/**
		 * @return {@code false} when the list has no filter of this name
		 * @throws IllegalArgumentException or {@link DateTimeException} when the value
		 * cannot be read
		 */
		boolean read(String name, String value);

	}

	/** A filter value that cannot be read, with a reason worth telling the client. */
	public static class InvalidFilterValueException extends IllegalArgumentException {

		public InvalidFilterValueException(String reason) {
			super(reason);
		}

	}

}
