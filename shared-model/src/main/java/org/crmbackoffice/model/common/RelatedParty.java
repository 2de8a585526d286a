package org.crmbackoffice.model.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A party, or a party in a role, taking part in something with the given role (TMF v5
 * {@code RelatedPartyRefOrPartyRoleRef}), e.g.
 * {@code {"role":"customer","partyOrPartyRole":{"id":"...",
 * "@referredType":"Customer"}}}.
 */
public record RelatedParty(@NotBlank @Size(max = 100) String role, @NotNull @Valid EntityRef partyOrPartyRole,
		@JsonProperty("@type") @Size(max = 100) String type) {

	public RelatedParty(String role, EntityRef partyOrPartyRole) {
		this(role, partyOrPartyRole, null);
	}

	public static final String CUSTOMER = "Customer";

	@JsonIgnore
	public boolean isCustomer() {
		return this.partyOrPartyRole != null && this.partyOrPartyRole.refersTo(CUSTOMER);
	}

}
