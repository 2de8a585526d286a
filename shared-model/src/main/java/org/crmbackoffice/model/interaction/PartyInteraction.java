package org.crmbackoffice.model.interaction;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.crmbackoffice.model.common.Note;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.common.RelatedParty;
import org.crmbackoffice.model.common.TimePeriod;

/**
 * An interaction between a business partner and the enterprise (TMF683 v5 PartyInteraction). Beyond TMF683 it
 * carries its due date, the partner's authentication level, whether its customers were confirmed by the customer
 * inventory, and who created and last changed it.
 *
 * @param customerCheck {@code verified} once the inventory confirmed every customer, {@code pending} while it
 * could not be asked
 */
public record PartyInteraction(String id, String href, @JsonProperty("@type") String type, String description,
		InteractionDirection direction, String reason, InteractionStatus status, Instant statusChangeDate,
		TimePeriod interactionDate, OffsetDateTime dueDate, AuthenticationLevel authenticationLevel,
		String customerCheck, List<RelatedChannel> channel, List<RelatedParty> relatedParty,
		List<InteractionItem> interactionItem, List<InteractionRelationship> interactionRelationship,
		List<Note> note, List<Attachment> attachment, List<ExternalIdentifier> externalIdentifier,
		Instant creationDate, Instant lastUpdate, String createdBy, String lastUpdatedBy) {

	public static final String TYPE = "PartyInteraction";

}
