package org.crmbackoffice.model.interaction.v4;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.crmbackoffice.model.common.Note;
import org.crmbackoffice.model.common.TimePeriod;
import org.crmbackoffice.model.interaction.AttachmentRefOrValue;
import org.crmbackoffice.model.interaction.AuthenticationLevel;
import org.crmbackoffice.model.interaction.ExternalIdentifier;
import org.crmbackoffice.model.interaction.InteractionRelationship;
import org.crmbackoffice.model.interaction.InteractionStatus;

/**
 * An interaction as TMF683 v4.0.0 shows it: the same interaction a v5 client reads, with
 * the v4 names and flat references ({@code channel}, {@code relatedParty}). This
 * service's extensions (description, due date, authentication level, customer check,
 * external identifiers, authors) travel beside, as in v5.
 */
public record PartyInteractionV4(String id, String href, @JsonProperty("@type") String type,
		@JsonProperty("@baseType") String baseType, @JsonProperty("@schemaLocation") String schemaLocation,
		String description, String direction, String reason, InteractionStatus status, Instant statusChangeDate,
		Instant creationDate, TimePeriod interactionDate, List<RelatedChannelV4> channel,
		List<RelatedPartyV4> relatedParty, List<InteractionItemV4> interactionItem,
		List<InteractionRelationship> interactionRelationship, List<Note> note, List<AttachmentRefOrValue> attachment,
		List<ExternalIdentifier> externalIdentifier, OffsetDateTime dueDate, AuthenticationLevel authenticationLevel,
		String customerCheck, Instant lastUpdate, String createdBy, String lastUpdatedBy) {
}
