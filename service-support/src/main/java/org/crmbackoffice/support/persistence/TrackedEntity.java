package org.crmbackoffice.support.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * Who created a record the API changes, and who last changed it when: the bookkeeping
 * columns every such table has, kept in one place. The entity records each change with
 * the time and caller of the request that made it.
 * <p>
 * The id and version stay in each entity: declared here, they made Hibernate follow every
 * insert of an interaction, in the same flush, with an {@code UPDATE} of its version, so
 * a new interaction was written twice and started at version 1.
 */
@MappedSuperclass
public abstract class TrackedEntity {

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "created_by", nullable = false, updatable = false)
	private String createdBy;

	@Column(name = "updated_by", nullable = false)
	private String updatedBy;

	/** For JPA. */
	protected TrackedEntity() {
	}

	/**
	 * @param author the subject of the token that creates the record
	 */
	protected TrackedEntity(Instant now, String author) {
		this.createdAt = now;
		this.createdBy = author;
		touch(now, author);
	}

	/** Records a change by the given author. */
	protected final void touch(Instant now, String author) {
		this.updatedAt = now;
		this.updatedBy = author;
	}

	/** Records a change nobody asked for, e.g. a background check completing. */
	protected final void touch(Instant now) {
		this.updatedAt = now;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	/** The subject of the token that created the record. */
	public String createdBy() {
		return this.createdBy;
	}

	/** The subject of the token that last changed the record. */
	public String updatedBy() {
		return this.updatedBy;
	}

}
