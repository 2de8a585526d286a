package org.crmbackoffice.support.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.crmbackoffice.model.problem.ProblemType;
import org.crmbackoffice.support.problem.ApiProblemException;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The TMF630 shapes of successful answers, and of resource ids, the same in every
 * service.
 */
public final class ApiResponses {

	/**
	 * Tells a client that its create was answered from an earlier request with the same
	 * key.
	 */
	public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

	public static final String TOTAL_COUNT = "X-Total-Count";

	public static final String RESULT_COUNT = "X-Result-Count";

	private ApiResponses() {
	}

	/**
	 * A list answer: the items of one page, with {@code X-Total-Count} and
	 * {@code X-Result-Count}.
	 */
	public static <R> ResponseEntity<List<R>> list(Page<R> page) {
		List<R> items = page.getContent();
		return ResponseEntity.ok()
			.header(TOTAL_COUNT, Long.toString(page.getTotalElements()))
			.header(RESULT_COUNT, Integer.toString(items.size()))
			.body(items);
	}

	/**
	 * A list answer whose items were reshaped, e.g. by {@link FieldSelection}, with the
	 * counts of the page they came from.
	 */
	public static ResponseEntity<List<?>> list(Page<?> page, List<?> items) {
		return ResponseEntity.ok()
			.header(TOTAL_COUNT, Long.toString(page.getTotalElements()))
			.header(RESULT_COUNT, Integer.toString(page.getNumberOfElements()))
			.body(items);
	}

	/**
	 * 201 for a create that takes an {@code Idempotency-Key}: the Location, the
	 * {@code ETag} of the version created, and whether an earlier request with the same
	 * key created it ({@value #IDEMPOTENT_REPLAYED}).
	 */
	public static <R> ResponseEntity<R> created(String id, long version, boolean replayed, R resource) {
		return ResponseEntity.created(locationOf(id))
			.eTag(etagOf(version))
			.header(IDEMPOTENT_REPLAYED, Boolean.toString(replayed))
			.body(resource);
	}

	/**
	 * A 201 answer to a {@code POST} on a collection, with the {@code Location} of the
	 * new resource.
	 */
	public static <R> ResponseEntity<R> created(String id, R resource) {
		return ResponseEntity.created(locationOf(id)).body(resource);
	}

	/**
	 * Where the resource with this id, created by a {@code POST} on the current
	 * collection, can be read.
	 */
	public static URI locationOf(String id) {
		return ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
	}

	/** The strong entity tag of a resource version. */
	public static String etagOf(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * The version a client's {@code If-Match} names, or {@code null} when it sent none or
	 * {@code *}.
	 * @throws ApiProblemException 412 when the header names no version this service could
	 * have issued
	 */
	public static Long versionOf(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return null;
		}
		String tag = ifMatch.trim();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		try {
			return Long.parseLong(tag.replace("\"", ""));
		}
		catch (NumberFormatException ex) {
			throw new ApiProblemException(ProblemType.PRECONDITION_FAILED,
					"If-Match " + ifMatch + " names no version of this resource. Use the ETag of your last read.");
		}
	}

	/** Ids are opaque to clients: one that is not a UUID simply names no resource. */
	public static Optional<UUID> parseId(String id) {
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
