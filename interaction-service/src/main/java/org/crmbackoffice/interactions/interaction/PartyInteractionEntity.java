package org.crmbackoffice.interactions.interaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.crmbackoffice.model.interaction.AuthenticationLevel;
import org.crmbackoffice.model.interaction.InteractionStatus;
import org.crmbackoffice.model.interaction.PartyRefOrPartyRoleRef;
import org.crmbackoffice.model.interaction.RelatedPartyOrPartyRole;
import org.crmbackoffice.support.persistence.TrackedEntity;

import static org.crmbackoffice.support.persistence.ElementCollections.replace;

/**
 * An interaction as the log stores it. Its lifecycle rules live in
 * {@link InteractionLifecycle}.
 */
@Entity
@Table(name = "party_interaction")
class PartyInteractionEntity extends TrackedEntity {

	static final String ERASED = "[erased]";

	/** The role of a party that joined an interaction by proving who it is. */
	static final String PARTNER_ROLE = "partner";

	@Id
	private UUID id;

	@Version
	private Long version;

	@Column(name = "description")
	private String description;

	@Column(name = "at_type")
	private String type;

	@Column(name = "at_base_type")
	private String baseType;

	@Column(name = "at_schema_location")
	private String schemaLocation;

	@Column(name = "direction")
	private String direction;

	@Column(name = "reason")
	private String reason;

	@Enumerated(EnumType.STRING)
	@Column(name = "status", nullable = false)
	private InteractionStatus status;

	@Column(name = "status_change_date", nullable = false)
	private Instant statusChangeDate;

	@Column(name = "interaction_start", nullable = false)
	private Instant interactionStart;

	@Column(name = "interaction_end")
	private Instant interactionEnd;

	@Column(name = "due_date")
	private Instant dueDate;

	@Enumerated(EnumType.STRING)
	@Column(name = "authentication_level", nullable = false)
	private AuthenticationLevel authenticationLevel;

	@Enumerated(EnumType.STRING)
	@Column(name = "customer_check", nullable = false)
	private CustomerCheck customerCheck;

	@ElementCollection
	@CollectionTable(name = "party_interaction_channel", joinColumns = @JoinColumn(name = "interaction_id"))
	@OrderColumn(name = "position")
	private List<ChannelValue> channels = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "party_interaction_related_party", joinColumns = @JoinColumn(name = "interaction_id"))
	@OrderColumn(name = "position")
	private List<PartyValue> relatedParties = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "party_interaction_item", joinColumns = @JoinColumn(name = "interaction_id"))
	@OrderColumn(name = "position")
	private List<ItemValue> items = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "party_interaction_relationship", joinColumns = @JoinColumn(name = "interaction_id"))
	@OrderColumn(name = "position")
	private List<RelationshipValue> relationships = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "party_interaction_note", joinColumns = @JoinColumn(name = "interaction_id"))
	@OrderColumn(name = "position")
	private List<NoteValue> notes = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "party_interaction_attachment", joinColumns = @JoinColumn(name = "interaction_id"))
	@OrderColumn(name = "position")
	private List<AttachmentValue> attachments = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "party_interaction_external_id", joinColumns = @JoinColumn(name = "interaction_id"))
	@OrderColumn(name = "position")
	private List<ExternalIdValue> externalIds = new ArrayList<>();

	@Column(name = "deleted_at")
	private Instant deletedAt;

	@Column(name = "deleted_by")
	private String deletedBy;

	protected PartyInteractionEntity() {
	}

	PartyInteractionEntity(InteractionContent content, CustomerCheck customerCheck, Instant now, String author) {
		super(now, author);
		this.id = UUID.randomUUID();
		this.status = InteractionStatus.OPENED;
		this.statusChangeDate = now;
		this.customerCheck = customerCheck;
		replaceContent(content, now, author);
	}

	/**
	 * Takes every client-set attribute from the given content; the status moves
	 * separately.
	 */
	void replaceContent(InteractionContent content, Instant now, String author) {
		this.type = content.type();
		this.baseType = content.baseType();
		this.schemaLocation = content.schemaLocation();
		this.description = content.description();
		this.direction = content.direction();
		this.reason = content.reason();
		if (content.start() != null) {
			this.interactionStart = content.start();
		}
		else if (this.interactionStart == null) {
			this.interactionStart = now;
		}
		this.interactionEnd = content.end();
		this.dueDate = content.dueDate();
		this.authenticationLevel = content.authenticationLevel();
		replace(this.channels, content.channels());
		replace(this.relatedParties,
				content.relatedParties().stream().map((party) -> PartyValue.of(party, this.interactionStart)).toList());
		replace(this.items, content.items());
		replace(this.relationships, content.relationships());
		replace(this.notes, content.notes());
		replace(this.attachments, content.attachments());
		replace(this.externalIds, content.externalIds());
		touch(now, author);
	}

	void moveTo(InteractionStatus next, Instant now, String author) {
		if (next != this.status) {
			this.status = next;
			this.statusChangeDate = now;
			touch(now, author);
		}
	}

	/**
	 * The partner proved who it is. A partner that proved itself on an interaction that
	 * named no party yet becomes its party, in the role {@code partner}: its token says
	 * no more about it than its party id.
	 * @param partyToAdd the party to name, or {@code null} to leave the parties as they
	 * are
	 */
	void authenticate(String partyToAdd, Instant now, String author) {
		this.authenticationLevel = AuthenticationLevel.AUTHENTICATED;
		if (partyToAdd != null) {
			this.relatedParties.add(new PartyValue(PARTNER_ROLE, partyToAdd, null, null, null, this.interactionStart,
					RelatedPartyOrPartyRole.TYPE, PartyRefOrPartyRoleRef.PARTY_REF, null, null));
		}
		touch(now, author);
	}

	void addNote(NoteValue note, Instant now, String author) {
		this.notes.add(note);
		touch(now, author);
	}

	/**
	 * Takes the interaction off the API. It stays in the log, where its track record,
	 * exports and erasure still find it.
	 */
	void delete(Instant now, String author) {
		this.deletedAt = now;
		this.deletedBy = author;
		touch(now, author);
	}

	boolean isDeleted() {
		return this.deletedAt != null;
	}

	void customerCheckCompleted(CustomerCheck outcome, Instant now) {
		this.customerCheck = outcome;
		touch(now);
	}

	/**
	 * Removes what identifies a party or could: its references become the pseudonym, free
	 * texts about the interaction are blanked, attachments and external identifiers lose
	 * their content. Categories (reason, channels, status, dates, items) stay, so reports
	 * and the rest of the record still add up.
	 */
	void erase(String partyId, String pseudonym, Instant now, String author) {
		replace(this.relatedParties,
				this.relatedParties.stream()
					.map((party) -> party.partyId().equals(partyId) ? party.pseudonymised(pseudonym) : party)
					.toList());
		this.description = (this.description != null) ? ERASED : null;
		replace(this.notes, this.notes.stream().map(NoteValue::erased).toList());
		replace(this.attachments, this.attachments.stream().map(AttachmentValue::erased).toList());
		replace(this.externalIds, this.externalIds.stream().map(ExternalIdValue::erased).toList());
		replace(this.items, this.items.stream().map((item) -> item.erased(partyId, pseudonym)).toList());
		touch(now, author);
	}

	boolean involvesParty(String partyId) {
		return this.relatedParties.stream().anyMatch((party) -> party.partyId().equals(partyId));
	}

	String description() {
		return this.description;
	}

	String type() {
		return this.type;
	}

	String baseType() {
		return this.baseType;
	}

	String schemaLocation() {
		return this.schemaLocation;
	}

	String direction() {
		return this.direction;
	}

	String reason() {
		return this.reason;
	}

	InteractionStatus status() {
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

	Instant dueDate() {
		return this.dueDate;
	}

	AuthenticationLevel authenticationLevel() {
		return this.authenticationLevel;
	}

	CustomerCheck customerCheck() {
		return this.customerCheck;
	}

	List<ChannelValue> channels() {
		return this.channels;
	}

	List<PartyValue> relatedParties() {
		return this.relatedParties;
	}

	List<ItemValue> items() {
		return this.items;
	}

	List<RelationshipValue> relationships() {
		return this.relationships;
	}

	List<NoteValue> notes() {
		return this.notes;
	}

	List<AttachmentValue> attachments() {
		return this.attachments;
	}

	List<ExternalIdValue> externalIds() {
		return this.externalIds;
	}

	UUID id() {
		return this.id;
	}

	long version() {
		return (this.version != null) ? this.version : 0;
	}

}
