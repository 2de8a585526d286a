package org.crmbackoffice.model.interaction;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.crmbackoffice.model.common.Note;
import org.crmbackoffice.model.common.RelatedChannel;
import org.crmbackoffice.model.common.RelatedParty;
import org.crmbackoffice.model.common.TimePeriod;

/** An interaction between a business partner and the enterprise (TMF683 v5 PartyInteraction). */
public record PartyInteraction(String id, String href, @JsonProperty("@type") String type, String description,
		InteractionDirection direction, String reason, String status, Instant statusChangeDate,
		TimePeriod interactionDate, List<RelatedChannel> channel, List<RelatedParty> relatedParty, List<Note> note,
		Instant creationDate, Instant lastUpdate) {

	public static final String TYPE = "PartyInteraction";

}
