package org.crmbackoffice.inventory.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiPredicate;

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
import org.crmbackoffice.support.persistence.TimeOrderedIds;
import org.crmbackoffice.support.persistence.TrackedEntity;

import static org.crmbackoffice.support.persistence.ElementCollections.replace;

/** A customer record as the inventory stores it. */
@Entity
@Table(name = "customer")
class CustomerEntity extends TrackedEntity {

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
	private EngagedPartyValue engagedParty;

	/**
	 * The engaged party when the inventory holds it; {@code null} for a party held
	 * elsewhere.
	 */
	@Column(name = "party_id")
	private UUID partyId;

	@ElementCollection
	@CollectionTable(name = "customer_contact_medium", joinColumns = @JoinColumn(name = "customer_id"))
	@OrderColumn(name = "position")
	private List<ContactMediumValue> contactMedia = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "customer_characteristic", joinColumns = @JoinColumn(name = "customer_id"))
	@OrderColumn(name = "position")
	private List<CharacteristicValue> characteristics = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "customer_account", joinColumns = @JoinColumn(name = "customer_id"))
	@OrderColumn(name = "position")
	private List<RefValue> accounts = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "customer_payment_method", joinColumns = @JoinColumn(name = "customer_id"))
	@OrderColumn(name = "position")
	private List<RefValue> paymentMethods = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "customer_credit_profile", joinColumns = @JoinColumn(name = "customer_id"))
	@OrderColumn(name = "position")
	private List<CreditProfileValue> creditProfiles = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "customer_related_party", joinColumns = @JoinColumn(name = "customer_id"))
	@OrderColumn(name = "position")
	private List<RelatedPartyValue> relatedParties = new ArrayList<>();

	@Column(name = "erased_at")
	private Instant erasedAt;

	@Column(name = "deleted_at")
	private Instant deletedAt;

	@Column(name = "deleted_by")
	private String deletedBy;

	/** The system that fed the record; data-quality findings are traced to it. */
	@Column(name = "data_source", updatable = false)
	private String dataSource;

	protected CustomerEntity() {
	}

	CustomerEntity(Content content, Instant now, String author, String dataSource) {
		super(now, author);
		this.id = TimeOrderedIds.next();
		this.status = INITIAL_STATUS;
		this.dataSource = dataSource;
		take(content, now, author);
	}

	/** Takes every client-set attribute; the lifecycle has been checked by the caller. */
	void apply(Content content, String status, String statusReason, Instant now, String author) {
		this.status = status;
		this.statusReason = statusReason;
		take(content, now, author);
	}

	private void take(Content content, Instant now, String author) {
		this.name = content.name();
		this.nameNormalized = SearchText.fold(content.name());
		this.description = content.description();
		this.validFor = content.validFor();
		this.engagedParty = content.engagedParty();
		this.partyId = content.partyId();
		replace(this.contactMedia, content.contactMedia());
		replace(this.characteristics, content.characteristics());
		replace(this.accounts, content.accounts());
		replace(this.paymentMethods, content.paymentMethods());
		replace(this.creditProfiles, content.creditProfiles());
		replace(this.relatedParties, content.relatedParties());
		touch(now, author);
	}

	/**
	 * Takes the (erased) customer off the TMF API; the record stays for its trail and
	 * agreements.
	 */
	void delete(Instant now, String author) {
		this.deletedAt = now;
		this.deletedBy = author;
	}

	Instant deletedAt() {
		return this.deletedAt;
	}

	/**
	 * Anonymises the record for a GDPR erasure: the party is only its pseudonym, and
	 * every attribute that could identify or describe the person is dropped. The refs to
	 * accounts and payment methods stay, so the systems that hold those keep their link;
	 * the status becomes closed, which is final. A party held here keeps its id (it is
	 * erased too); a reference to a party held elsewhere keeps a PartyRef's required id
	 * as the pseudonym, as in the interaction log, so that nothing links the record to
	 * the person any more.
	 */
	void erase(String pseudonym, Instant now, String author) {
		this.name = pseudonym;
		this.nameNormalized = SearchText.fold(pseudonym);
		this.description = null;
		this.status = CustomerStatus.CLOSED.value();
		this.statusReason = "erased on request";
		if (this.engagedParty != null) {
			this.engagedParty = (this.partyId != null)
					? EngagedPartyValue.of(this.engagedParty.id(), this.engagedParty.href(), pseudonym,
							this.engagedParty.referredType())
					: EngagedPartyValue.of(pseudonym, null, pseudonym, this.engagedParty.referredType());
		}
		this.contactMedia.clear();
		this.characteristics.clear();
		this.creditProfiles.clear();
		this.relatedParties.clear();
		this.erasedAt = now;
		touch(now, author);
	}

	/**
	 * Merges this duplicate into the survivor: the contact media, accounts, payment
	 * methods and related parties the survivor lacks move over to it, what it already has
	 * stays here as history, and this record is closed.
	 * @return how many contact media and how many references moved
	 */
	int[] mergeInto(CustomerEntity survivor, Instant now, String author) {
		List<ContactMediumValue> media = lacking(this.contactMedia, survivor.contactMedia,
				ContactMediumValue::sameAddress);
		List<RefValue> accountRefs = lacking(this.accounts, survivor.accounts, RefValue::sameTarget);
		List<RefValue> paymentRefs = lacking(this.paymentMethods, survivor.paymentMethods, RefValue::sameTarget);
		List<RelatedPartyValue> parties = lacking(this.relatedParties, survivor.relatedParties,
				RelatedPartyValue::sameRoleAndParty);
		// Where both records have a characteristic of the same name, the survivor's value
		// is the one kept.
		List<CharacteristicValue> traits = lacking(this.characteristics, survivor.characteristics,
				(own, other) -> own.name().equals(other.name()));
		List<CreditProfileValue> assessments = lacking(this.creditProfiles, survivor.creditProfiles,
				CreditProfileValue::equals);
		survivor.contactMedia.addAll(media);
		survivor.accounts.addAll(accountRefs);
		survivor.paymentMethods.addAll(paymentRefs);
		survivor.relatedParties.addAll(parties);
		survivor.characteristics.addAll(traits);
		survivor.creditProfiles.addAll(assessments);
		survivor.touch(now, author);
		this.contactMedia.removeAll(media);
		this.accounts.removeAll(accountRefs);
		this.paymentMethods.removeAll(paymentRefs);
		this.relatedParties.removeAll(parties);
		this.characteristics.removeAll(traits);
		this.creditProfiles.removeAll(assessments);
		this.status = CustomerStatus.CLOSED.value();
		this.statusReason = "merged into " + survivor.id();
		touch(now, author);
		return new int[] { media.size(), accountRefs.size() + paymentRefs.size() + parties.size(),
				traits.size() + assessments.size() };
	}

	private static <T> List<T> lacking(List<T> own, List<T> survivors, BiPredicate<T, T> same) {
		return own.stream().filter((item) -> survivors.stream().noneMatch((other) -> same.test(item, other))).toList();
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

	EngagedPartyValue engagedParty() {
		return this.engagedParty;
	}

	UUID partyId() {
		return this.partyId;
	}

	List<RefValue> accounts() {
		return this.accounts;
	}

	List<RefValue> paymentMethods() {
		return this.paymentMethods;
	}

	List<CreditProfileValue> creditProfiles() {
		return this.creditProfiles;
	}

	List<RelatedPartyValue> relatedParties() {
		return this.relatedParties;
	}

	List<ContactMediumValue> contactMedia() {
		return this.contactMedia;
	}

	List<CharacteristicValue> characteristics() {
		return this.characteristics;
	}

	String dataSource() {
		return this.dataSource;
	}

	Instant erasedAt() {
		return this.erasedAt;
	}

	/** Everything about a customer that its clients set, apart from its status. */
	record Content(String name, String description, Period validFor, EngagedPartyValue engagedParty, UUID partyId,
			List<ContactMediumValue> contactMedia, List<CharacteristicValue> characteristics, List<RefValue> accounts,
			List<RefValue> paymentMethods, List<CreditProfileValue> creditProfiles,
			List<RelatedPartyValue> relatedParties) {
	}

	UUID id() {
		return this.id;
	}

	long version() {
		return (this.version != null) ? this.version : 0;
	}

}
