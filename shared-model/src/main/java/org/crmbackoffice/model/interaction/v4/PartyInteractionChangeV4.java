package org.crmbackoffice.model.interaction.v4;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.model.common.Note;
import org.crmbackoffice.model.common.TimePeriod;
import org.crmbackoffice.model.interaction.AttachmentRefOrValue;
import org.crmbackoffice.model.interaction.AuthenticationLevel;
import org.crmbackoffice.model.interaction.ExternalIdentifier;
import org.crmbackoffice.model.interaction.InteractionRelationship;
import org.crmbackoffice.model.interaction.InteractionStatus;

/**
 * What a v4 client sends to log an interaction (TMF683 v4
 * {@code PartyInteraction_Create}) and what its merge patches apply to
 * ({@code PartyInteraction_Update}). As in v5, attributes the service sets itself are
 * ignored.
 */
@JsonIgnoreProperties(value = { "id", "href", "creationDate", "lastUpdate", "statusChangeDate", "customerCheck",
		"createdBy", "lastUpdatedBy" })
public record PartyInteractionChangeV4(@JsonProperty("@type") @Size(max = 100) String type,
		@JsonProperty("@baseType") @Size(max = 100) String baseType,
		@JsonProperty("@schemaLocation") @Size(max = 500) String schemaLocation, @Size(max = 4000) String description,
		@Size(max = 50) String direction, @Size(max = 200) String reason, InteractionStatus status,
		@Valid TimePeriod interactionDate, OffsetDateTime dueDate, AuthenticationLevel authenticationLevel,
		@Size(max = 20) List<@Valid RelatedChannelV4> channel, @Size(max = 50) List<@Valid RelatedPartyV4> relatedParty,
		@Size(max = 100) List<@Valid InteractionItemV4> interactionItem,
		@Size(max = 50) List<@Valid InteractionRelationship> interactionRelationship,
		@Size(max = 200) List<@Valid Note> note, @Size(max = 50) List<@Valid AttachmentRefOrValue> attachment,
		@Size(max = 20) List<@Valid ExternalIdentifier> externalIdentifier) {

	public PartyInteractionChangeV4 {
		channel = (channel != null) ? channel : List.of();
		relatedParty = (relatedParty != null) ? relatedParty : List.of();
		interactionItem = (interactionItem != null) ? interactionItem : List.of();
		interactionRelationship = (interactionRelationship != null) ? interactionRelationship : List.of();
		note = (note != null) ? note : List.of();
		attachment = (attachment != null) ? attachment : List.of();
		externalIdentifier = (externalIdentifier != null) ? externalIdentifier : List.of();
	}

}
