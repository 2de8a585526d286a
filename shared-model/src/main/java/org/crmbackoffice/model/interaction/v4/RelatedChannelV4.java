package org.crmbackoffice.model.interaction.v4;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;

/** A channel of an interaction in TMF683 v4, a flat reference with the channel's role. */
public record RelatedChannelV4(@Size(max = 100) String id, @Size(max = 500) String href, @Size(max = 100) String name,
		@Size(max = 100) String role, @JsonProperty("@referredType") @Size(max = 100) String referredType,
		@JsonProperty("@type") @Size(max = 100) String type) {

	public static final String TYPE = "RelatedChannel";

}
