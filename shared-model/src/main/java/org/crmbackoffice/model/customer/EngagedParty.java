package org.crmbackoffice.model.customer;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The individual or organization engaged as the customer, with the party data the inventory keeps about it
 * (TMF632 {@code Individual} / {@code Organization} attributes). An individual needs its given and family name,
 * an organization its trading name; the other kind's attributes are refused so that a record never mixes both.
 *
 * @param id the party's identifier in a party management system, if there is one
 * @param type {@code Individual} or {@code Organization}
 * @param name the display name; informative only
 * @param identification documents and registrations that identify the party (passport, company registration)
 */
@CompletePartyData
public record EngagedParty(@Size(max = 100) String id, @Size(max = 500) String href,
		@JsonProperty("@type") @NotBlank @Pattern(regexp = INDIVIDUAL + "|" + ORGANIZATION,
				message = "must be " + INDIVIDUAL + " or " + ORGANIZATION) String type,
		@Size(max = 200) String name, @Size(max = 100) String givenName, @Size(max = 100) String middleName,
		@Size(max = 100) String familyName, @Past LocalDate birthDate, @Size(max = 200) String tradingName,
		@Size(max = 100) String organizationType, @Size(max = 20) List<@Valid PartyIdentification> identification) {

	public static final String INDIVIDUAL = "Individual";

	public static final String ORGANIZATION = "Organization";

	public EngagedParty {
		identification = (identification != null) ? identification : List.of();
	}

	public static EngagedParty individual(String givenName, String familyName, LocalDate birthDate) {
		return new EngagedParty(null, null, INDIVIDUAL, givenName + " " + familyName, givenName, null, familyName,
				birthDate, null, null, List.of());
	}

	public static EngagedParty organization(String tradingName, List<PartyIdentification> registrations) {
		return new EngagedParty(null, null, ORGANIZATION, tradingName, null, null, null, null, tradingName, null,
				registrations);
	}

	@JsonIgnore
	public boolean isIndividual() {
		return INDIVIDUAL.equals(this.type);
	}

	@JsonIgnore
	public boolean isOrganization() {
		return ORGANIZATION.equals(this.type);
	}

}
