package org.crmbackoffice.model.interaction.v4;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.model.common.TimePeriod;

/**
 * What an interaction is about, in TMF683 v4: the item is a flat reference in a role. An
 * entity that a v5 client gave by value shows here as a reference to it. The attachments,
 * channels, notes and related parties v4 allows on an item are accepted and not kept:
 * they belong on the interaction.
 */
@JsonIgnoreProperties({ "attachment", "channel", "note", "relatedParty" })
public record InteractionItemV4(@Size(max = 100) String id, @JsonProperty("@type") @Size(max = 100) String type,
		OffsetDateTime creationDate, @Size(max = 1000) String reason, @Size(max = 1000) String resolution,
		@Valid TimePeriod itemDate, @Valid Item item) {

	public static final String TYPE = "InteractionItem";

	/** TMF683 v4 {@code RelatedEntityRefOrValue}. */
	public record Item(@Size(max = 100) String id, @Size(max = 500) String href, @Size(max = 200) String name,
			@Size(max = 100) String role, @JsonProperty("@referredType") @Size(max = 100) String referredType,
			@JsonProperty("@type") @Size(max = 100) String type) {

		public static final String TYPE = "RelatedEntityRefOrValue";

	}

}
