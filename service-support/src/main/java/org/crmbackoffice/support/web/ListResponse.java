package org.crmbackoffice.support.web;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;

/** A TMF630 list answer: the items of one page, with {@code X-Total-Count} and {@code X-Result-Count}. */
public final class ListResponse {

	public static final String TOTAL_COUNT = "X-Total-Count";

	public static final String RESULT_COUNT = "X-Result-Count";

	private ListResponse() {
	}

	public static <R> ResponseEntity<List<R>> of(Page<R> page) {
		List<R> items = page.getContent();
		return ResponseEntity.ok()
			.header(TOTAL_COUNT, Long.toString(page.getTotalElements()))
			.header(RESULT_COUNT, Integer.toString(items.size()))
			.body(items);
	}

}
