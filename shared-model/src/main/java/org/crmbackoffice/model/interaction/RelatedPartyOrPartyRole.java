package org.crmbackoffice.model.interaction;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A party, or a party in a role, taking part in an interaction with the given role
 * (TMF683 v5 {@code RelatedPartyOrPartyRole}), e.g.
 * {@code {"@type":"RelatedPartyOrPartyRole","role":"customer",
 * "partyOrPartyRole":{"@type":"PartyRoleRef","id":"42","@referredType":"Customer"}}}.
 */
public record RelatedPartyOrPartyRole(@NotBlank @Size(max = 100) String role,
		@NotNull @Valid PartyRefOrPartyRoleRef partyOrPartyRole, @JsonProperty("@type") @Size(max = 100) String type) {

	public static final String TYPE = "RelatedPartyOrPartyRole";

	public RelatedPartyOrPartyRole(String role, PartyRefOrPartyRoleRef partyOrPartyRole) {
		this(role, partyOrPartyRole, null);
	}

	/** Whether it names a customer, which the customer inventory must know. */
	@JsonIgnore
	public boolean isCustomer() {
		return this.partyOrPartyRole != null && this.partyOrPartyRole.refersTo(PartyRefOrPartyRoleRef.CUSTOMER);
	}

	@JsonIgnore
	public String partyId() {
		return this.partyOrPartyRole.id();
	}

}
