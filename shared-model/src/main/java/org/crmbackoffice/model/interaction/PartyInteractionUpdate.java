package org.crmbackoffice.model.interaction;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.model.common.Note;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.common.TimePeriod;

/**
 * The changeable part of an interaction (TMF683 v5 {@code PartyInteraction_MVO}, plus
 * this service's extensions): what a merge patch is applied to. Notes can only be added,
 * never changed or removed. Attributes the service sets itself are ignored when a patch
 * names them, so a client may send back what it read.
 */
@JsonIgnoreProperties(value = { "id", "href", "creationDate", "lastUpdate", "statusChangeDate", "customerCheck",
		"createdBy", "lastUpdatedBy" })
public record PartyInteractionUpdate(@JsonProperty("@type") @Size(max = 100) String type,
		@JsonProperty("@baseType") @Size(max = 100) String baseType,
		@JsonProperty("@schemaLocation") @Size(max = 500) String schemaLocation, @Size(max = 4000) String description,
		@Size(max = 50) String direction, @Size(max = 200) String reason, @NotNull InteractionStatus status,
		@Valid TimePeriod interactionDate, OffsetDateTime dueDate, @NotNull AuthenticationLevel authenticationLevel,
		@Size(max = 20) List<@Valid RelatedChannel> relatedChannel,
		@Size(max = 50) List<@Valid RelatedPartyOrPartyRole> relatedParty,
		@Size(max = 100) List<@Valid InteractionItem> interactionItem,
		@Size(max = 50) List<@Valid InteractionRelationship> interactionRelationship,
		@Size(max = 200) List<@Valid Note> note, @Size(max = 50) List<@Valid AttachmentRefOrValue> attachment,
		@Size(max = 20) List<@Valid ExternalIdentifier> externalIdentifier) {

	public PartyInteractionUpdate {
		relatedChannel = (relatedChannel != null) ? relatedChannel : List.of();
		relatedParty = (relatedParty != null) ? relatedParty : List.of();
		interactionItem = (interactionItem != null) ? interactionItem : List.of();
		interactionRelationship = (interactionRelationship != null) ? interactionRelationship : List.of();
		note = (note != null) ? note : List.of();
		attachment = (attachment != null) ? attachment : List.of();
		externalIdentifier = (externalIdentifier != null) ? externalIdentifier : List.of();
	}

}
