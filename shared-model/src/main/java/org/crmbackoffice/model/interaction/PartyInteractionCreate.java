package org.crmbackoffice.model.interaction;

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
 * and one channel are required: an interaction is always someone talking to the enterprise somewhere.
 *
 * @param interactionDate when it happened; the start defaults to the moment it is logged
 */
public record PartyInteractionCreate(@Size(max = 4000) String description, InteractionDirection direction,
		@Size(max = 200) String reason, @Valid TimePeriod interactionDate,
		@NotEmpty @Size(max = 20) List<@Valid RelatedChannel> channel,
		@NotEmpty @Size(max = 50) List<@Valid RelatedParty> relatedParty,
		@Size(max = 100) List<@Valid Note> note) {

	public PartyInteractionCreate {
		note = (note != null) ? note : List.of();
	}

}
