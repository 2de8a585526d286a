package org.crmbackoffice.model.interaction;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.model.common.Note;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.common.RelatedParty;
import org.crmbackoffice.model.common.TimePeriod;

/**
 * What a client sends to log a new interaction (TMF683 v5 {@code PartyInteraction_FVO}). At least one party
 * and one channel are required: an interaction is always someone talking to the enterprise somewhere. It starts
 * {@code opened}.
 *
 * @param interactionDate when it happened; the start defaults to the moment it is logged
 * @param dueDate when a long interaction is expected to be completed
 * @param authenticationLevel how sure the enterprise is of the partner; a partner's own token makes it
 * {@code authenticated}, otherwise it defaults to {@code anonymous}
 */
public record PartyInteractionCreate(@Size(max = 4000) String description, InteractionDirection direction,
		@Size(max = 200) String reason, @Valid TimePeriod interactionDate, OffsetDateTime dueDate,
		AuthenticationLevel authenticationLevel, @NotEmpty @Size(max = 20) List<@Valid RelatedChannel> channel,
		@NotEmpty @Size(max = 50) List<@Valid RelatedParty> relatedParty,
		@Size(max = 100) List<@Valid InteractionItem> interactionItem,
		@Size(max = 50) List<@Valid InteractionRelationship> interactionRelationship,
		@Size(max = 100) List<@Valid Note> note, @Size(max = 50) List<@Valid Attachment> attachment,
		@Size(max = 20) List<@Valid ExternalIdentifier> externalIdentifier) {

	public PartyInteractionCreate {
		interactionItem = (interactionItem != null) ? interactionItem : List.of();
		interactionRelationship = (interactionRelationship != null) ? interactionRelationship : List.of();
		note = (note != null) ? note : List.of();
		attachment = (attachment != null) ? attachment : List.of();
		externalIdentifier = (externalIdentifier != null) ? externalIdentifier : List.of();
	}

	/** An interaction with just its essentials; the rest can follow by PATCH. */
	public static PartyInteractionCreate of(String description, InteractionDirection direction, String reason,
			List<RelatedChannel> channel, List<RelatedParty> relatedParty) {
		return new PartyInteractionCreate(description, direction, reason, null, null, null, channel, relatedParty,
				null, null, null, null, null);
	}

}
