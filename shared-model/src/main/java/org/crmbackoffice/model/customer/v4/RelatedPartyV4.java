package org.crmbackoffice.model.customer.v4;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;

/** A party in TMF629 v4: a flat reference, with its role where it is a related party. */
public record RelatedPartyV4(@Size(max = 100) String id, @Size(max = 500) String href, @Size(max = 200) String name,
		@Size(max = 100) String role, @JsonProperty("@referredType") @Size(max = 100) String referredType,
		@JsonProperty("@type") @Size(max = 100) String type) {

	public static final String TYPE = "RelatedParty";

}
