package org.crmbackoffice.model.interaction;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.crmbackoffice.model.common.Note;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.common.TimePeriod;

/**
 * An interaction between a business partner and the enterprise, as TMF683 v5
 * {@code PartyInteraction} defines it. Beyond the specification it carries, as a
 * documented extension described by the schema that {@code @schemaLocation} names, its
 * due date, the partner's authentication level, whether its customers were confirmed by
 * the customer inventory, and who created and last changed it.
 *
 * @param type the TMF polymorphic type: {@code PartyInteraction} unless the client logged
 * it as a subclass
 * @param direction {@code inbound} (the partner got in touch) or {@code outbound}; other
 * values are kept as sent
 * @param customerCheck {@code verified} once the inventory confirmed every customer,
 * {@code pending} while it could not be asked
 */
public record PartyInteraction(String id, String href, @JsonProperty("@type") String type,
		@JsonProperty("@baseType") String baseType, @JsonProperty("@schemaLocation") String schemaLocation,
		String description, String direction, String reason, InteractionStatus status, Instant statusChangeDate,
		TimePeriod interactionDate, Instant creationDate, Instant lastUpdate, List<RelatedChannel> relatedChannel,
		List<RelatedPartyOrPartyRole> relatedParty, List<InteractionItem> interactionItem,
		List<InteractionRelationship> interactionRelationship, List<Note> note, List<AttachmentRefOrValue> attachment,
		List<ExternalIdentifier> externalIdentifier, OffsetDateTime dueDate, AuthenticationLevel authenticationLevel,
		String customerCheck, String createdBy, String lastUpdatedBy) {

	public static final String TYPE = "PartyInteraction";

	public static final String INBOUND = "inbound";

	public static final String OUTBOUND = "outbound";

}
