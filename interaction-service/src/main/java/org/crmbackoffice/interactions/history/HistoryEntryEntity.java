package org.crmbackoffice.interactions.history;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.Immutable;

import org.springframework.data.domain.Persistable;

/**
 * One change of an interaction, as stored. Hibernate never updates it. It says itself
 * whether it is new, because its key is assigned: otherwise saving it would first select
 * the row it is about to insert.
 */
@Entity
@Immutable
@Table(name = "party_interaction_history")
class HistoryEntryEntity implements Persistable<HistoryKey> {

	@EmbeddedId
	private HistoryKey key;

	@Transient
	private boolean stored;

	@Column(name = "changed_at", nullable = false)
	private Instant changedAt;

	@Column(name = "changed_by", nullable = false)
	private String changedBy;

	@Column(name = "client_id")
	private String clientId;

	@Column(name = "channel")
	private String channel;

	@Column(name = "action", nullable = false)
	private String action;

	/** The changed attributes as a JSON array of {field, from, to}. */
	@Column(name = "changes", nullable = false)
	private String changes;

	protected HistoryEntryEntity() {
	}

	HistoryEntryEntity(HistoryKey key, Instant changedAt, String changedBy, String clientId, String channel,
			String action, String changes) {
		this.key = key;
		this.changedAt = changedAt;
		this.changedBy = changedBy;
		this.clientId = clientId;
		this.channel = channel;
		this.action = action;
		this.changes = changes;
	}

	HistoryKey key() {
		return this.key;
	}

	@Override
	public HistoryKey getId() {
		return this.key;
	}

	@Override
	public boolean isNew() {
		return !this.stored;
	}

	@PostLoad
	@PostPersist
	void markStored() {
		this.stored = true;
	}

	Instant changedAt() {
		return this.changedAt;
	}

	String changedBy() {
		return this.changedBy;
	}

	String clientId() {
		return this.clientId;
	}

	String channel() {
		return this.channel;
	}

	String action() {
		return this.action;
	}

	String changes() {
		return this.changes;
	}

}
