package org.crmbackoffice.inventory.agreement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.crmbackoffice.model.agreement.AgreementStatus;
import org.crmbackoffice.support.persistence.TrackedEntity;

import static org.crmbackoffice.support.persistence.ElementCollections.replace;

/** An agreement as the inventory stores it; its customer is fixed at creation. */
@Entity
@Table(name = "agreement")
class AgreementEntity extends TrackedEntity {

	@Id
	private UUID id;

	@Version
	private Long version;

	@Column(name = "customer_id", nullable = false)
	private UUID customerId;

	@Column(name = "name", nullable = false)
	private String name;

	@Column(name = "description")
	private String description;

	@Column(name = "agreement_type", nullable = false)
	private String agreementType;

	@Column(name = "status", nullable = false)
	private String status;

	@Column(name = "status_reason")
	private String statusReason;

	@Column(name = "valid_from")
	private Instant validFrom;

	@Column(name = "valid_to")
	private Instant validTo;

	/** The engaged parties other than the customer. */
	@ElementCollection
	@CollectionTable(name = "agreement_party", joinColumns = @JoinColumn(name = "agreement_id"))
	@OrderColumn(name = "position")
	private List<PartyValue> otherParties = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "agreement_term", joinColumns = @JoinColumn(name = "agreement_id"))
	@OrderColumn(name = "position")
	private List<TermValue> terms = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "agreement_document", joinColumns = @JoinColumn(name = "agreement_id"))
	@OrderColumn(name = "position")
	private List<DocumentValue> documents = new ArrayList<>();

	protected AgreementEntity() {
	}

	AgreementEntity(UUID customerId, Content content, Instant now, String author) {
		super(now, author);
		this.id = UUID.randomUUID();
		this.customerId = customerId;
		this.status = AgreementStatus.INITIALIZED.value();
		take(content, now, author);
	}

	/** Takes every client-set attribute; the lifecycle has been checked by the caller. */
	void apply(Content content, String status, String statusReason, Instant now, String author) {
		this.status = status;
		this.statusReason = statusReason;
		take(content, now, author);
	}

	/**
	 * Only for a merge of duplicate customers: otherwise an agreement stays with its
	 * customer.
	 */
	void transferTo(UUID survivorId, Instant now, String author) {
		this.customerId = survivorId;
		touch(now, author);
	}

	private void take(Content content, Instant now, String author) {
		this.name = content.name();
		this.description = content.description();
		this.agreementType = content.agreementType();
		this.validFrom = content.validFrom();
		this.validTo = content.validTo();
		replace(this.otherParties, content.otherParties());
		replace(this.terms, content.terms());
		replace(this.documents, content.documents());
		touch(now, author);
	}

	UUID customerId() {
		return this.customerId;
	}

	String name() {
		return this.name;
	}

	String description() {
		return this.description;
	}

	String agreementType() {
		return this.agreementType;
	}

	String status() {
		return this.status;
	}

	String statusReason() {
		return this.statusReason;
	}

	Instant validFrom() {
		return this.validFrom;
	}

	Instant validTo() {
		return this.validTo;
	}

	List<PartyValue> otherParties() {
		return this.otherParties;
	}

	List<TermValue> terms() {
		return this.terms;
	}

	List<DocumentValue> documents() {
		return this.documents;
	}

	/**
	 * Everything about an agreement that its clients set, apart from its customer and
	 * status.
	 */
	record Content(String name, String description, String agreementType, Instant validFrom, Instant validTo,
			List<PartyValue> otherParties, List<TermValue> terms, List<DocumentValue> documents) {
	}

	UUID id() {
		return this.id;
	}

	long version() {
		return (this.version != null) ? this.version : 0;
	}

}
