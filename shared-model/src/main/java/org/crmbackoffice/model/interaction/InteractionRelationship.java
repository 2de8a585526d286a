package org.crmbackoffice.model.interaction;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * How this interaction relates to another logged one (TMF683 v5
 * {@code InteractionRelationship}). The relationship type is free, as in the
 * specification; {@code followUpOf} is the one this service reads itself (a follow-up
 * counts in the analytics of the interaction it follows). The related interaction's name,
 * which the specification allows, is accepted and not kept.
 */
@JsonIgnoreProperties({ "name" })
public record InteractionRelationship(@NotBlank @Size(max = 100) String relationshipType,
		@NotBlank @Size(max = 100) String id, String href, @JsonProperty("@type") @Size(max = 100) String type) {

	public static final String TYPE = "InteractionRelationship";

	public static final String FOLLOW_UP_OF = "followUpOf";

	public InteractionRelationship(String relationshipType, String id) {
		this(relationshipType, id, null, null);
	}

}
