package org.crmbackoffice.model.interaction.v4;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A party of an interaction in TMF683 v4: a flat reference with the party's role. */
public record RelatedPartyV4(@NotBlank @Size(max = 100) String id, @Size(max = 500) String href,
		@Size(max = 200) String name, @Size(max = 100) String role,
		@JsonProperty("@referredType") @Size(max = 100) String referredType,
		@JsonProperty("@type") @Size(max = 100) String type) {

	public static final String TYPE = "RelatedParty";

}
