package org.crmbackoffice.model.interaction;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A reference to a party or to a party in a role (TMF v5 {@code PartyRef} or
 * {@code PartyRoleRef}, told apart by {@code @type}), e.g.
 * {@code {"@type":"PartyRoleRef","id":"42","@referredType":"Customer"}}.
 *
 * @param referredType the class of the referred party or role, e.g. {@code Individual},
 * {@code Customer}
 * @param partyId for a {@code PartyRoleRef}, the party that plays the role
 */
public record PartyRefOrPartyRoleRef(@NotBlank @Size(max = 100) String id, @Size(max = 500) String href,
		@Size(max = 200) String name, @JsonProperty("@referredType") @Size(max = 100) String referredType,
		@JsonProperty("@type") @Size(max = 100) String type, @Size(max = 100) String partyId,
		@Size(max = 200) String partyName) {

	public static final String PARTY_REF = "PartyRef";

	public static final String PARTY_ROLE_REF = "PartyRoleRef";

	public static final String CUSTOMER = "Customer";

	public PartyRefOrPartyRoleRef(String id, String href, String name, String referredType) {
		this(id, href, name, referredType, null, null, null);
	}

	/** A reference by id and referred type, e.g. to a customer. */
	public static PartyRefOrPartyRoleRef to(String id, String referredType) {
		return new PartyRefOrPartyRoleRef(id, null, null, referredType);
	}

	@JsonIgnore
	public boolean refersTo(String referredType) {
		return referredType.equals(this.referredType);
	}

}
