package org.crmbackoffice.interactions.interaction;

import java.time.Instant;
import java.time.ZoneOffset;

import org.crmbackoffice.model.common.TimePeriod;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;

/** Translates between the TMF683 wire records and the stored interaction. */
final class PartyInteractionMapper {

	static final String BASE_PATH = "/tmf-api/partyInteraction/v5/partyInteraction";

	private PartyInteractionMapper() {
	}

	static PartyInteractionEntity newInteraction(PartyInteractionCreate request, Instant now, String author) {
		TimePeriod when = request.interactionDate();
		return new PartyInteractionEntity(request.description(), request.direction(), request.reason(),
				(when != null && when.startDateTime() != null) ? when.startDateTime().toInstant() : null,
				(when != null && when.endDateTime() != null) ? when.endDateTime().toInstant() : null,
				request.channel().stream().map(ChannelValue::of).toList(),
				request.relatedParty().stream().map(PartyValue::of).toList(),
				request.note().stream().map((note) -> NoteValue.of(note, now)).toList(), now, author);
	}

	static PartyInteraction toResource(PartyInteractionEntity interaction) {
		String id = interaction.id().toString();
		TimePeriod interactionDate = new TimePeriod(interaction.interactionStart().atOffset(ZoneOffset.UTC),
				(interaction.interactionEnd() != null) ? interaction.interactionEnd().atOffset(ZoneOffset.UTC) : null);
		return new PartyInteraction(id, BASE_PATH + "/" + id, PartyInteraction.TYPE, interaction.description(),
				interaction.direction(), interaction.reason(), interaction.status(), interaction.statusChangeDate(),
				interactionDate, interaction.channels().stream().map(ChannelValue::toRelatedChannel).toList(),
				interaction.relatedParties().stream().map(PartyValue::toRelatedParty).toList(),
				interaction.notes().stream().map(NoteValue::toNote).toList(), interaction.createdAt(),
				interaction.updatedAt());
	}

}
