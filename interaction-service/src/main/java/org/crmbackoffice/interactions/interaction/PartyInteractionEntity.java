package org.crmbackoffice.interactions.interaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.crmbackoffice.model.interaction.InteractionDirection;

/** An interaction as the log stores it. */
@Entity
@Table(name = "party_interaction")
class PartyInteractionEntity {

	static final String INITIAL_STATUS = "opened";

	@Id
	private UUID id;

	@Version
	private Long version;

	@Column(name = "description")
	private String description;

	@Enumerated(EnumType.STRING)
	@Column(name = "direction")
	private InteractionDirection direction;

	@Column(name = "reason")
	private String reason;

	@Column(name = "status", nullable = false)
	private String status;

	@Column(name = "status_change_date", nullable = false)
	private Instant statusChangeDate;

	@Column(name = "interaction_start", nullable = false)
	private Instant interactionStart;

	@Column(name = "interaction_end")
	private Instant interactionEnd;

	@ElementCollection
	@CollectionTable(name = "party_interaction_channel", joinColumns = @JoinColumn(name = "interaction_id"))
	@OrderColumn(name = "position")
	private List<ChannelValue> channels = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "party_interaction_related_party", joinColumns = @JoinColumn(name = "interaction_id"))
	@OrderColumn(name = "position")
	private List<PartyValue> relatedParties = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "party_interaction_note", joinColumns = @JoinColumn(name = "interaction_id"))
	@OrderColumn(name = "position")
	private List<NoteValue> notes = new ArrayList<>();

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "created_by", nullable = false, updatable = false)
	private String createdBy;

	@Column(name = "updated_by", nullable = false)
	private String updatedBy;

	protected PartyInteractionEntity() {
	}

	PartyInteractionEntity(String description, InteractionDirection direction, String reason, Instant start,
			Instant end, List<ChannelValue> channels, List<PartyValue> relatedParties, List<NoteValue> notes,
			Instant now, String author) {
		this.id = UUID.randomUUID();
		this.description = description;
		this.direction = direction;
		this.reason = reason;
		this.status = INITIAL_STATUS;
		this.statusChangeDate = now;
		this.interactionStart = (start != null) ? start : now;
		this.interactionEnd = end;
		this.channels.addAll(channels);
		this.relatedParties.addAll(relatedParties);
		this.notes.addAll(notes);
		this.createdAt = now;
		this.updatedAt = now;
		this.createdBy = author;
		this.updatedBy = author;
	}

	UUID id() {
		return this.id;
	}

	String description() {
		return this.description;
	}

	InteractionDirection direction() {
		return this.direction;
	}

	String reason() {
		return this.reason;
	}

	String status() {
		return this.status;
	}

	Instant statusChangeDate() {
		return this.statusChangeDate;
	}

	Instant interactionStart() {
		return this.interactionStart;
	}

	Instant interactionEnd() {
		return this.interactionEnd;
	}

	List<ChannelValue> channels() {
		return this.channels;
	}

	List<PartyValue> relatedParties() {
		return this.relatedParties;
	}

	List<NoteValue> notes() {
		return this.notes;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

	String createdBy() {
		return this.createdBy;
	}

	String updatedBy() {
		return this.updatedBy;
	}

	boolean involvesParty(String partyId) {
		return this.relatedParties.stream().anyMatch((party) -> party.partyId().equals(partyId));
	}

}
