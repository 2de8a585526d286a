package org.crmbackoffice.support.web;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * A {@link Pageable} for TMF630 lists, which page by {@code offset} and {@code limit}
 * rather than by page number: an offset need not be a multiple of the limit.
 */
public record OffsetLimit(long offset, int limit, Sort sort) implements Pageable {

	public static final int MAX_LIMIT = 1000;

	public OffsetLimit {
		if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("offset must be >= 0 and limit between 1 and " + MAX_LIMIT);
		}
	}

	@Override
	public int getPageNumber() {
		return (int) (this.offset / this.limit);
	}

	@Override
	public int getPageSize() {
		return this.limit;
	}

	@Override
	public long getOffset() {
		return this.offset;
	}

	@Override
	public Sort getSort() {
		return this.sort;
	}

	@Override
	public Pageable next() {
		return new OffsetLimit(this.offset + this.limit, this.limit, this.sort);
	}

	@Override
	public Pageable previousOrFirst() {
		return new OffsetLimit(Math.max(0, this.offset - this.limit), this.limit, this.sort);
	}

	@Override
	public Pageable first() {
		return new OffsetLimit(0, this.limit, this.sort);
	}

	@Override
	public Pageable withPage(int pageNumber) {
		return new OffsetLimit((long) pageNumber * this.limit, this.limit, this.sort);
	}

	@Override
	public boolean hasPrevious() {
		return this.offset > 0;
	}

}
