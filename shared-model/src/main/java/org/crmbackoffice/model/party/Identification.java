package org.crmbackoffice.model.party;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.model.common.CountryCode;
import org.crmbackoffice.model.common.TimePeriod;

/**
 * A document or registration that identifies a party (TMF632
 * {@code IndividualIdentification}, e.g. a passport, or
 * {@code OrganizationIdentification}, e.g. a company registration).
 *
 * @param country ISO 3166-1 alpha-2 code of the issuing country; an extension of TMF632
 * @param attachment a scan of the document, kept as sent
 */
public record Identification(@JsonProperty("@type") @Size(max = 100) String type,
		@NotBlank @Size(max = 50) String identificationType, @NotBlank @Size(max = 100) String identificationId,
		@Size(max = 200) String issuingAuthority, Instant issuingDate, @CountryCode String country,
		@Valid TimePeriod validFor, Object attachment) {

	/** The same document: its type and number, whoever recorded its other details. */
	public boolean sameDocument(Identification other) {
		return this.identificationType.equalsIgnoreCase(other.identificationType)
				&& this.identificationId.equalsIgnoreCase(other.identificationId);
	}

	public Identification typedAs(String defaultType) {
		return new Identification((this.type != null) ? this.type : defaultType, this.identificationType,
				this.identificationId, this.issuingAuthority, this.issuingDate, this.country, this.validFor,
				this.attachment);
	}

}
