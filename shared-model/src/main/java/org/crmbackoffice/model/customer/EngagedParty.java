package org.crmbackoffice.model.customer;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The party engaged as the customer. As TMF629 v5 has it, and as the inventory always
 * shows it, a {@code PartyRef} ({@code id}, {@code @referredType} such as
 * {@code Organization}, optionally {@code href} and {@code name}): to an individual or
 * organization the inventory serves as a TMF632 resource, or to a party held in another
 * party management system. To create a customer and its party at once, a client may
 * instead send the individual or organization by value, with its party data (an extension
 * of TMF629): an individual needs its given and family name, an organization its trading
 * name, and the other kind's attributes are refused so that a party never mixes both. The
 * inventory then creates the party and the customer refers to it.
 *
 * @param id the party's identifier in a party management system; required for a
 * {@code PartyRef}
 * @param type {@code PartyRef}, {@code Individual} or {@code Organization}
 * @param name the display name; informative only
 * @param referredType for a {@code PartyRef}, the kind of party it refers to
 * @param identification by value only: documents and registrations that identify the
 * party (passport, company registration)
 */
@CompletePartyData
public record EngagedParty(@Size(max = 100) String id, @Size(max = 500) String href,
		@JsonProperty("@type") @NotBlank @Pattern(regexp = PARTY_REF + "|" + INDIVIDUAL + "|" + ORGANIZATION,
				message = "must be " + PARTY_REF + ", " + INDIVIDUAL + " or " + ORGANIZATION) String type,
		@Size(max = 200) String name, @Size(max = 100) String givenName, @Size(max = 100) String middleName,
		@Size(max = 100) String familyName, @Past LocalDate birthDate, @Size(max = 200) String tradingName,
		@Size(max = 100) String organizationType,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) @Size(max = 20) List<@Valid PartyIdentification> identification,
		@JsonProperty("@referredType") @Size(max = 100) String referredType) {

	public static final String PARTY_REF = "PartyRef";

	public static final String INDIVIDUAL = "Individual";

	public static final String ORGANIZATION = "Organization";

	public EngagedParty {
		identification = (identification != null) ? identification : List.of();
		// A reference sent without @type, as TMF v4 clients and the v5 examples of other
		// APIs do.
		if (type == null && referredType != null) {
			type = PARTY_REF;
		}
	}

	public EngagedParty(String id, String href, String type, String name, String givenName, String middleName,
			String familyName, LocalDate birthDate, String tradingName, String organizationType,
			List<PartyIdentification> identification) {
		this(id, href, type, name, givenName, middleName, familyName, birthDate, tradingName, organizationType,
				identification, null);
	}

	/** A reference to a party held in a party management system. */
	public static EngagedParty reference(String id, String href, String name, String referredType) {
		return new EngagedParty(id, href, PARTY_REF, name, null, null, null, null, null, null, List.of(), referredType);
	}

	public static EngagedParty individual(String givenName, String familyName, LocalDate birthDate) {
		return new EngagedParty(null, null, INDIVIDUAL, givenName + " " + familyName, givenName, null, familyName,
				birthDate, null, null, List.of());
	}

	public static EngagedParty organization(String tradingName, List<PartyIdentification> registrations) {
		return new EngagedParty(null, null, ORGANIZATION, tradingName, null, null, null, null, tradingName, null,
				registrations);
	}

	/** Whether it only refers to a party whose data the inventory does not hold. */
	@JsonIgnore
	public boolean isReference() {
		return PARTY_REF.equals(this.type);
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
