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

/**
 * A person (TMF632 v5 {@code Individual}), as a client creates it
 * ({@code Individual_FVO}: the given and family name are required) and as the inventory
 * shows it. {@code id} and {@code href} are the inventory's: a client's are ignored. The
 * attributes typed {@code Object} are kept exactly as their client sent them.
 *
 * @param birthDate a date ({@code 1985-03-02}) or, as TMF632 writes it, the date-time of
 * its start ({@code 1985-03-02T00:00:00Z}); shown as the latter
 * @param status {@code initialized} (the default), {@code validated} or {@code deceased}
 */
public record Individual(String id, String href, @JsonProperty("@type") String type,
		@JsonProperty("@baseType") String baseType, @JsonProperty("@schemaLocation") String schemaLocation,
		@Size(max = 200) String name, @NotBlank @Size(max = 100) String givenName, @Size(max = 100) String middleName,
		@NotBlank @Size(max = 100) String familyName, @Size(max = 50) String familyNamePrefix,
		@Size(max = 200) String formattedName, @Size(max = 200) String legalName,
		@Size(max = 100) String preferredGivenName, @Size(max = 50) String title,
		@Size(max = 50) String aristocraticTitle, @Size(max = 20) String generation, @Size(max = 50) String gender,
		@Size(max = 100) String nationality, @Size(max = 50) String maritalStatus,
		@Pattern(regexp = DATE, message = DATE_MESSAGE) String birthDate,
		@Pattern(regexp = DATE, message = DATE_MESSAGE) String deathDate, @Size(max = 200) String placeOfBirth,
		@Size(max = 100) String countryOfBirth,
		@Pattern(regexp = "initialized|validated|deceased",
				message = "must be initialized, validated or deceased") String status,
		@Size(max = 20) List<@Valid Identification> individualIdentification,
		@Size(max = 50) List<@Valid ContactMedium> contactMedium,
		@Size(max = 100) List<@Valid Characteristic> partyCharacteristic, Object externalReference, Object relatedParty,
		Object otherName, Object skill, Object languageAbility, Object disability, Object location,
		Object taxExemptionCertificate, Object creditRating) implements Party {

	public static final String TYPE = "Individual";

	public static final String IDENTIFICATION_TYPE = "IndividualIdentification";

	/** A calendar date, alone or as the start of a date-time. */
	public static final String DATE = "\\d{4}-\\d{2}-\\d{2}(T00:00(:00(\\.0+)?)?(Z|[+-]00:00))?";

	static final String DATE_MESSAGE = "must be a date such as 1985-03-02 or 1985-03-02T00:00:00Z";

	/** A person with just the names the inventory needs. */
	public static Individual of(String givenName, String familyName, String birthDate) {
		return new Individual(null, null, TYPE, null, null, null, givenName, null, familyName, null, null, null, null,
				null, null, null, null, null, null, birthDate, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null, null, null);
	}

	@Override
	@JsonIgnore
	public String displayName() {
		if (this.name != null && !this.name.isBlank()) {
			return this.name;
		}
		return (this.middleName != null && !this.middleName.isBlank())
				? this.givenName + " " + this.middleName + " " + this.familyName
				: this.givenName + " " + this.familyName;
	}

	@Override
	@JsonIgnore
	public List<Identification> identifications() {
		return (this.individualIdentification != null) ? this.individualIdentification : List.of();
	}

	@Override
	public Individual identifiedAs(String id, String href) {
		return new Individual(id, href, TYPE, this.baseType, this.schemaLocation, displayName(), this.givenName,
				this.middleName, this.familyName, this.familyNamePrefix, this.formattedName, this.legalName,
				this.preferredGivenName, this.title, this.aristocraticTitle, this.generation, this.gender,
				this.nationality, this.maritalStatus, this.birthDate, this.deathDate, this.placeOfBirth,
				this.countryOfBirth, (this.status != null) ? this.status : "initialized",
				(this.individualIdentification != null) ? this.individualIdentification.stream()
					.map((identification) -> identification.typedAs(IDENTIFICATION_TYPE))
					.toList() : null,
				this.contactMedium,
				(this.partyCharacteristic != null)
						? this.partyCharacteristic.stream().map(Characteristic::typed).toList() : null,
				this.externalReference, this.relatedParty, this.otherName, this.skill, this.languageAbility,
				this.disability, this.location, this.taxExemptionCertificate, this.creditRating);
	}

	/**
	 * The same person with other identifications, e.g. after a merge of two records of
	 * it.
	 */
	public Individual withIdentifications(List<Identification> identifications) {
		return new Individual(this.id, this.href, this.type, this.baseType, this.schemaLocation, this.name,
				this.givenName, this.middleName, this.familyName, this.familyNamePrefix, this.formattedName,
				this.legalName, this.preferredGivenName, this.title, this.aristocraticTitle, this.generation,
				this.gender, this.nationality, this.maritalStatus, this.birthDate, this.deathDate, this.placeOfBirth,
				this.countryOfBirth, this.status, identifications, this.contactMedium, this.partyCharacteristic,
				this.externalReference, this.relatedParty, this.otherName, this.skill, this.languageAbility,
				this.disability, this.location, this.taxExemptionCertificate, this.creditRating);
	}

}
