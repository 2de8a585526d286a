package org.crmbackoffice.model.party;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.model.common.Characteristic;
import org.crmbackoffice.model.common.ContactMedium;
import org.crmbackoffice.model.common.TimePeriod;

/**
 * A company, a public body or one of their units (TMF632 v5 {@code Organization}), as a
 * client creates it ({@code Organization_FVO}: the name is required) and as the inventory
 * shows it. {@code id} and {@code href} are the inventory's. The attributes typed
 * {@code Object} are kept exactly as their client sent them.
 *
 * @param status {@code initialized} (the default), {@code validated} or {@code closed}
 */
public record Organization(String id, String href, @JsonProperty("@type") String type,
		@JsonProperty("@baseType") String baseType, @JsonProperty("@schemaLocation") String schemaLocation,
		@NotBlank @Size(max = 200) String name, @Size(max = 200) String tradingName, @Size(max = 50) String nameType,
		@Size(max = 100) String organizationType, Boolean isLegalEntity, Boolean isHeadOffice,
		@Valid TimePeriod existsDuring,
		@Pattern(regexp = "initialized|validated|closed",
				message = "must be initialized, validated or closed") String status,
		@Size(max = 20) List<@Valid Identification> organizationIdentification,
		@Size(max = 50) List<@Valid ContactMedium> contactMedium,
		@Size(max = 100) List<@Valid Characteristic> partyCharacteristic, Object externalReference, Object relatedParty,
		Object otherName, Object organizationParentRelationship, Object organizationChildRelationship,
		Object taxExemptionCertificate, Object creditRating) implements Party {

	public static final String TYPE = "Organization";

	public static final String IDENTIFICATION_TYPE = "OrganizationIdentification";

	/** An organization with just its name, trading name and registrations. */
	public static Organization of(String name, String tradingName, String organizationType,
			List<Identification> registrations) {
		return new Organization(null, null, TYPE, null, null, name, tradingName, null, organizationType, null, null,
				null, null, registrations, null, null, null, null, null, null, null, null, null);
	}

	@Override
	@JsonIgnore
	public String displayName() {
		return this.name;
	}

	@Override
	@JsonIgnore
	public List<Identification> identifications() {
		return (this.organizationIdentification != null) ? this.organizationIdentification : List.of();
	}

	@Override
	public Organization identifiedAs(String id, String href) {
		return new Organization(id, href, TYPE, this.baseType, this.schemaLocation, this.name, this.tradingName,
				this.nameType, this.organizationType, this.isLegalEntity, this.isHeadOffice, this.existsDuring,
				(this.status != null) ? this.status : "initialized",
				(this.organizationIdentification != null) ? this.organizationIdentification.stream()
					.map((identification) -> identification.typedAs(IDENTIFICATION_TYPE))
					.toList() : null,
				this.contactMedium,
				(this.partyCharacteristic != null)
						? this.partyCharacteristic.stream().map(Characteristic::typed).toList() : null,
				this.externalReference, this.relatedParty, this.otherName, this.organizationParentRelationship,
				this.organizationChildRelationship, this.taxExemptionCertificate, this.creditRating);
	}

	/**
	 * The same organization with other identifications, e.g. after a merge of two records
	 * of it.
	 */
	public Organization withIdentifications(List<Identification> identifications) {
		return new Organization(this.id, this.href, this.type, this.baseType, this.schemaLocation, this.name,
				this.tradingName, this.nameType, this.organizationType, this.isLegalEntity, this.isHeadOffice,
				this.existsDuring, this.status, identifications, this.contactMedium, this.partyCharacteristic,
				this.externalReference, this.relatedParty, this.otherName, this.organizationParentRelationship,
				this.organizationChildRelationship, this.taxExemptionCertificate, this.creditRating);
	}

}
