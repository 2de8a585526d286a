package org.crmbackoffice.support.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The TMF630 shapes of successful answers, and of resource ids, the same in every service. */
public final class ApiResponses {

	public static final String TOTAL_COUNT = "X-Total-Count";

	public static final String RESULT_COUNT = "X-Result-Count";

	private ApiResponses() {
	}

	/** A list answer: the items of one page, with {@code X-Total-Count} and {@code X-Result-Count}. */
	public static <R> ResponseEntity<List<R>> list(Page<R> page) {
		List<R> items = page.getContent();
		return ResponseEntity.ok()
			.header(TOTAL_COUNT, Long.toString(page.getTotalElements()))
			.header(RESULT_COUNT, Integer.toString(items.size()))
			.body(items);
	}

	/** A 201 answer to a {@code POST} on a collection, with the {@code Location} of the new resource. */
	public static <R> ResponseEntity<R> created(String id, R resource) {
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
		return ResponseEntity.created(location).body(resource);
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
