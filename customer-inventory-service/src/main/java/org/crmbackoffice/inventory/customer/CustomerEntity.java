package org.crmbackoffice.inventory.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.crmbackoffice.inventory.contact.SearchText;
import org.crmbackoffice.model.customer.CustomerStatus;

/** A customer record as the inventory stores it. */
@Entity
@Table(name = "customer")
class CustomerEntity {

	static final String INITIAL_STATUS = CustomerStatus.INITIALIZED.value();

	@Id
	private UUID id;

	@Version
	private Long version;

	@Column(name = "name", nullable = false)
	private String name;

	/** The name as search compares it, kept with every change of the name. */
	@Column(name = "name_normalized", nullable = false)
	private String nameNormalized;

	@Column(name = "description")
	private String description;

	@Column(name = "status", nullable = false)
	private String status;

	@Column(name = "status_reason")
	private String statusReason;

	@Embedded
	private Period validFor;

	@Embedded
	private PartyRef engagedParty;

	@ElementCollection
	@CollectionTable(name = "customer_contact_medium", joinColumns = @JoinColumn(name = "customer_id"))
	@OrderColumn(name = "position")
	private List<ContactMediumValue> contactMedia = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "customer_characteristic", joinColumns = @JoinColumn(name = "customer_id"))
	@OrderColumn(name = "position")
	private List<CharacteristicValue> characteristics = new ArrayList<>();

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "created_by", nullable = false, updatable = false)
	private String createdBy;

	@Column(name = "updated_by", nullable = false)
	private String updatedBy;

	protected CustomerEntity() {
	}

	CustomerEntity(String name, String description, Period validFor, PartyRef engagedParty,
			List<ContactMediumValue> contactMedia, List<CharacteristicValue> characteristics, Instant now,
			String author) {
		this.id = UUID.randomUUID();
		this.name = name;
		this.nameNormalized = SearchText.fold(name);
		this.description = description;
		this.status = INITIAL_STATUS;
		this.validFor = validFor;
		this.engagedParty = engagedParty;
		this.contactMedia.addAll(contactMedia);
		this.characteristics.addAll(characteristics);
		this.createdAt = now;
		this.updatedAt = now;
		this.createdBy = author;
		this.updatedBy = author;
	}

	/** Takes every client-set attribute from the update; the lifecycle has been checked by the caller. */
	void apply(String name, String description, String status, String statusReason, Period validFor,
			PartyRef engagedParty, List<ContactMediumValue> contactMedia, List<CharacteristicValue> characteristics,
			Instant now, String author) {
		this.name = name;
		this.nameNormalized = SearchText.fold(name);
		this.description = description;
		this.status = status;
		this.statusReason = statusReason;
		this.validFor = validFor;
		this.engagedParty = engagedParty;
		if (!this.contactMedia.equals(contactMedia)) {
			this.contactMedia.clear();
			this.contactMedia.addAll(contactMedia);
		}
		if (!this.characteristics.equals(characteristics)) {
			this.characteristics.clear();
			this.characteristics.addAll(characteristics);
		}
		this.updatedAt = now;
		this.updatedBy = author;
	}

	long version() {
		return (this.version != null) ? this.version : 0;
	}

	UUID id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	String description() {
		return this.description;
	}

	String status() {
		return this.status;
	}

	String statusReason() {
		return this.statusReason;
	}

	Period validFor() {
		return this.validFor;
	}

	PartyRef engagedParty() {
		return this.engagedParty;
	}

	List<ContactMediumValue> contactMedia() {
		return this.contactMedia;
	}

	List<CharacteristicValue> characteristics() {
		return this.characteristics;
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

}
