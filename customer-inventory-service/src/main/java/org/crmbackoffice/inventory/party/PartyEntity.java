package org.crmbackoffice.inventory.party;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.crmbackoffice.model.party.Individual;
import org.crmbackoffice.model.party.Organization;
import org.crmbackoffice.model.party.Party;
import org.crmbackoffice.support.persistence.TrackedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A party as the inventory stores it: the resource as its client sent it, and the
 * attributes that data-quality rules, lists and erasure read, taken from it with every
 * write.
 */
@Entity
@Table(name = "party")
class PartyEntity extends TrackedEntity {

	@Id
	private UUID id;

	@Version
	private Long version;

	@Column(name = "party_type", nullable = false, updatable = false)
	private String partyType;

	@Column(name = "status", nullable = false)
	private String status;

	@Column(name = "name", nullable = false)
	private String name;

	@Column(name = "given_name")
	private String givenName;

	@Column(name = "middle_name")
	private String middleName;

	@Column(name = "family_name")
	private String familyName;

	@Column(name = "birth_date")
	private LocalDate birthDate;

	@Column(name = "trading_name")
	private String tradingName;

	@Column(name = "organization_type")
	private String organizationType;

	/** The resource without its id and href, as JSON. */
	@JdbcTypeCode(SqlTypes.JSON)
	@Column(name = "document", nullable = false)
	private String document;

	@Column(name = "data_source", updatable = false)
	private String dataSource;

	@Column(name = "erased_at")
	private Instant erasedAt;

	@Column(name = "deleted_at")
	private Instant deletedAt;

	@Column(name = "deleted_by")
	private String deletedBy;

	protected PartyEntity() {
	}

	PartyEntity(UUID id, Party party, String document, Instant now, String author, String dataSource) {
		super(now, author);
		this.id = id;
		this.partyType = (party instanceof Individual) ? Individual.TYPE : Organization.TYPE;
		this.dataSource = dataSource;
		take(party, document, now, author);
	}

	/**
	 * @param party the party as it should be now, with the inventory's defaults filled in
	 */
	void take(Party party, String document, Instant now, String author) {
		this.status = party.status();
		this.name = party.displayName();
		this.document = document;
		if (party instanceof Individual individual) {
			this.givenName = individual.givenName();
			this.middleName = individual.middleName();
			this.familyName = individual.familyName();
			this.birthDate = PartyDocuments.dateOf(individual.birthDate());
		}
		else if (party instanceof Organization organization) {
			this.tradingName = organization.tradingName();
			this.organizationType = organization.organizationType();
		}
		touch(now, author);
	}

	/**
	 * Anonymises the party for a GDPR erasure: it keeps only its kind and the pseudonym
	 * as its name.
	 * @param erased the party as it is shown from now on
	 */
	void erase(Party erased, String document, Instant now, String author) {
		this.givenName = null;
		this.middleName = null;
		this.familyName = null;
		this.birthDate = null;
		this.tradingName = null;
		this.organizationType = null;
		take(erased, document, now, author);
		this.erasedAt = now;
	}

	/**
	 * Takes the (erased) party off the TMF API; the row stays for the trail of the
	 * customers that engaged it.
	 */
	void delete(Instant now, String author) {
		this.deletedAt = now;
		this.deletedBy = author;
	}

	String partyType() {
		return this.partyType;
	}

	String name() {
		return this.name;
	}

	String document() {
		return this.document;
	}

	Instant erasedAt() {
		return this.erasedAt;
	}

	Instant deletedAt() {
		return this.deletedAt;
	}

	UUID id() {
		return this.id;
	}

	long version() {
		return (this.version != null) ? this.version : 0;
	}

}
