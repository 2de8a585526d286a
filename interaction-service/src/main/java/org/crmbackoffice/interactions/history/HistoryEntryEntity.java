package org.crmbackoffice.interactions.history;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** One change of an interaction, as stored. Hibernate never updates it. */
@Entity
@Immutable
@Table(name = "party_interaction_history")
class HistoryEntryEntity {

	@EmbeddedId
	private HistoryKey key;

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
