package org.crmbackoffice.model.interaction;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.model.common.Note;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.common.TimePeriod;

/**
 * What a client sends to log a new interaction (TMF683 v5 {@code PartyInteraction_FVO}).
 * Nothing is required beyond what the specification requires: an unidentified caller is a
 * real interaction, so related parties may be absent. It starts {@code opened} unless the
 * client logs it in a later status (e.g. a store visit logged once it was
 * {@code completed}). Attributes the service sets itself ({@code id}, {@code href},
 * {@code creationDate}, {@code lastUpdate}, ...) are ignored when a client sends them.
 *
 * @param interactionDate when it happened; the start defaults to the moment it is logged
 * @param dueDate when a long interaction is expected to be completed (extension)
 * @param authenticationLevel how sure the enterprise is of the partner (extension); a
 * partner's own token makes it {@code authenticated}, otherwise it defaults to
 * {@code anonymous}
 */
@JsonIgnoreProperties(value = { "id", "href", "creationDate", "lastUpdate", "statusChangeDate", "customerCheck",
		"createdBy", "lastUpdatedBy" })
public record PartyInteractionCreate(@JsonProperty("@type") @Size(max = 100) String type,
		@JsonProperty("@baseType") @Size(max = 100) String baseType,
		@JsonProperty("@schemaLocation") @Size(max = 500) String schemaLocation, @Size(max = 4000) String description,
		@Size(max = 50) String direction, @Size(max = 200) String reason, InteractionStatus status,
		@Valid TimePeriod interactionDate, OffsetDateTime dueDate, AuthenticationLevel authenticationLevel,
		@Size(max = 20) List<@Valid RelatedChannel> relatedChannel,
		@Size(max = 50) List<@Valid RelatedPartyOrPartyRole> relatedParty,
		@Size(max = 100) List<@Valid InteractionItem> interactionItem,
		@Size(max = 50) List<@Valid InteractionRelationship> interactionRelationship,
		@Size(max = 100) List<@Valid Note> note, @Size(max = 50) List<@Valid AttachmentRefOrValue> attachment,
		@Size(max = 20) List<@Valid ExternalIdentifier> externalIdentifier) {

	public PartyInteractionCreate {
		relatedChannel = (relatedChannel != null) ? relatedChannel : List.of();
		relatedParty = (relatedParty != null) ? relatedParty : List.of();
		interactionItem = (interactionItem != null) ? interactionItem : List.of();
		interactionRelationship = (interactionRelationship != null) ? interactionRelationship : List.of();
		note = (note != null) ? note : List.of();
		attachment = (attachment != null) ? attachment : List.of();
		externalIdentifier = (externalIdentifier != null) ? externalIdentifier : List.of();
	}

	/** An interaction with just its essentials; the rest can follow by PATCH. */
	public static PartyInteractionCreate of(String description, String direction, String reason,
			List<RelatedChannel> relatedChannel, List<RelatedPartyOrPartyRole> relatedParty) {
		return new PartyInteractionCreate(null, null, null, description, direction, reason, null, null, null, null,
				relatedChannel, relatedParty, null, null, null, null, null);
	}

}
