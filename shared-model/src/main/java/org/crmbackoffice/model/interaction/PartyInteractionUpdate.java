package org.crmbackoffice.model.interaction;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.model.common.Note;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.common.RelatedParty;
import org.crmbackoffice.model.common.TimePeriod;

/**
 * The changeable part of an interaction (TMF683 v5 {@code PartyInteraction_MVO}): what a JSON merge patch is
 * applied to. Notes can only be added, never changed or removed.
 */
public record PartyInteractionUpdate(@Size(max = 4000) String description, InteractionDirection direction,
		@Size(max = 200) String reason, @NotNull InteractionStatus status, @Valid TimePeriod interactionDate,
		OffsetDateTime dueDate, @NotNull AuthenticationLevel authenticationLevel,
		@NotEmpty @Size(max = 20) List<@Valid RelatedChannel> channel,
		@NotEmpty @Size(max = 50) List<@Valid RelatedParty> relatedParty,
		@Size(max = 100) List<@Valid InteractionItem> interactionItem,
		@Size(max = 50) List<@Valid InteractionRelationship> interactionRelationship,
		@Size(max = 200) List<@Valid Note> note, @Size(max = 50) List<@Valid Attachment> attachment,
		@Size(max = 20) List<@Valid ExternalIdentifier> externalIdentifier) {

	public PartyInteractionUpdate {
		interactionItem = (interactionItem != null) ? interactionItem : List.of();
		interactionRelationship = (interactionRelationship != null) ? interactionRelationship : List.of();
		note = (note != null) ? note : List.of();
		attachment = (attachment != null) ? attachment : List.of();
		externalIdentifier = (externalIdentifier != null) ? externalIdentifier : List.of();
	}

}
