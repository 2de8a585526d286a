package org.crmbackoffice.model.interaction;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.crmbackoffice.model.common.Note;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.common.TimePeriod;

/**
 * What an interaction is about (TMF683 v5 {@code InteractionItem}): a trouble ticket, an
 * order, a bill, a product... with why it came up and how it was resolved, e.g.
 * {@code {"@type":"InteractionItem","reason":
 * "...","item":{"role":"subject","entity":{"@type":"EntityRef","id":"TT-1","@referredType":"TroubleTicket"}}}}.
 *
 * @param lastUpdate also read as {@code lastUpdateDate}, the name the specification's
 * examples use
 */
public record InteractionItem(@Size(max = 100) String id, @JsonProperty("@type") @Size(max = 100) String type,
		@Valid TimePeriod itemDate, @Size(max = 1000) String reason, @Size(max = 1000) String resolution,
		OffsetDateTime creationDate, @JsonAlias("lastUpdateDate") OffsetDateTime lastUpdate,
		@Valid RelatedEntityRefOrValue item, @Size(max = 100) String interactionItemType,
		@Size(max = 20) List<@Valid RelatedChannel> relatedChannel,
		@Size(max = 50) List<@Valid RelatedPartyOrPartyRole> relatedParty,
		@Size(max = 50) List<@Valid AttachmentRefOrValue> attachment, @Size(max = 100) List<@Valid Note> note,
		@Size(max = 50) List<@Valid InteractionItemRelationship> interactionItemRelationship) {

	public static final String TYPE = "InteractionItem";

	/** An item that refers to an entity held elsewhere. */
	public static InteractionItem about(String id, String referredType) {
		return new InteractionItem(null, null, null, null, null, null, null,
				RelatedEntityRefOrValue.ref(id, referredType), null, null, null, null, null, null);
	}

	/** How one item of an interaction relates to another of the same interaction. */
	public record InteractionItemRelationship(@Size(max = 100) String id, @Size(max = 100) String relationshipType,
			@JsonProperty("@type") @Size(max = 100) String type) {
	}

}
