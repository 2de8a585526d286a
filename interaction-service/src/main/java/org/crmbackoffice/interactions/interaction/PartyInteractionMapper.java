package org.crmbackoffice.interactions.interaction;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.crmbackoffice.model.common.Note;
import org.crmbackoffice.model.common.TimePeriod;
import org.crmbackoffice.model.interaction.AuthenticationLevel;
import org.crmbackoffice.model.interaction.InteractionStatus;
import org.crmbackoffice.model.interaction.PartyInteraction;
import org.crmbackoffice.model.interaction.PartyInteractionCreate;
import org.crmbackoffice.model.interaction.PartyInteractionUpdate;

/** Translates between the TMF683 wire records and the stored interaction. */
final class PartyInteractionMapper {

	static final String BASE_PATH = "/tmf-api/partyInteraction/v5/partyInteraction";

	private PartyInteractionMapper() {
	}

	static String hrefOf(String id) {
		return BASE_PATH + "/" + id;
	}

	static InteractionContent contentOf(PartyInteractionCreate request, AuthenticationLevel level, Instant now,
			String author) {
		TimePeriod when = request.interactionDate();
		return new InteractionContent(request.description(), request.direction(), request.reason(), startOf(when),
				endOf(when), instant(request.dueDate()), level,
				request.channel().stream().map(ChannelValue::of).toList(), request.relatedParty(),
				request.interactionItem().stream().map(ItemValue::of).toList(),
				request.interactionRelationship().stream().map(RelationshipValue::of).toList(),
				request.note().stream().map((note) -> NoteValue.of(note, now, author)).toList(),
				request.attachment().stream().map(AttachmentValue::of).toList(),
				request.externalIdentifier().stream().map(ExternalIdValue::of).toList());
	}

	static InteractionContent contentOf(PartyInteractionUpdate update, Instant now, String author) {
		TimePeriod when = update.interactionDate();
		return new InteractionContent(update.description(), update.direction(), update.reason(), startOf(when),
				endOf(when), instant(update.dueDate()), update.authenticationLevel(),
				update.channel().stream().map(ChannelValue::of).toList(), update.relatedParty(),
				update.interactionItem().stream().map(ItemValue::of).toList(),
				update.interactionRelationship().stream().map(RelationshipValue::of).toList(),
				update.note().stream().map((note) -> NoteValue.of(note, now, author)).toList(),
				update.attachment().stream().map(AttachmentValue::of).toList(),
				update.externalIdentifier().stream().map(ExternalIdValue::of).toList());
	}

	/** The changeable part of a stored interaction: what a merge patch applies to. */
	static PartyInteractionUpdate toUpdate(PartyInteraction interaction) {
		return new PartyInteractionUpdate(interaction.description(), interaction.direction(), interaction.reason(),
				interaction.status(), interaction.interactionDate(), interaction.dueDate(),
				interaction.authenticationLevel(), interaction.channel(), interaction.relatedParty(),
				interaction.interactionItem(), interaction.interactionRelationship(), interaction.note(),
				interaction.attachment(), interaction.externalIdentifier());
	}

	static PartyInteraction toResource(PartyInteractionEntity interaction) {
		String id = interaction.id().toString();
		TimePeriod interactionDate = new TimePeriod(interaction.interactionStart().atOffset(ZoneOffset.UTC),
				offset(interaction.interactionEnd()));
		return new PartyInteraction(id, hrefOf(id), PartyInteraction.TYPE, interaction.description(),
				interaction.direction(), interaction.reason(), interaction.status(), interaction.statusChangeDate(),
				interactionDate, offset(interaction.dueDate()), interaction.authenticationLevel(),
				interaction.customerCheck().value(),
				interaction.channels().stream().map(ChannelValue::toRelatedChannel).toList(),
				interaction.relatedParties().stream().map(PartyValue::toRelatedParty).toList(),
				interaction.items().stream().map(ItemValue::toItem).toList(),
				interaction.relationships().stream().map(RelationshipValue::toRelationship).toList(),
				interaction.notes().stream().map(NoteValue::toNote).toList(),
				interaction.attachments().stream().map(AttachmentValue::toAttachment).toList(),
				interaction.externalIds().stream().map(ExternalIdValue::toExternalIdentifier).toList(),
				interaction.createdAt(), interaction.updatedAt(), interaction.createdBy(), interaction.updatedBy());
	}

	static PartyInteractionUpdate withStatus(PartyInteractionUpdate update, InteractionStatus status) {
		return new PartyInteractionUpdate(update.description(), update.direction(), update.reason(), status,
				update.interactionDate(), update.dueDate(), update.authenticationLevel(), update.channel(),
				update.relatedParty(), update.interactionItem(), update.interactionRelationship(), update.note(),
				update.attachment(), update.externalIdentifier());
	}

	static PartyInteractionUpdate withNotes(PartyInteractionUpdate update, List<Note> notes) {
		return new PartyInteractionUpdate(update.description(), update.direction(), update.reason(), update.status(),
				update.interactionDate(), update.dueDate(), update.authenticationLevel(), update.channel(),
				update.relatedParty(), update.interactionItem(), update.interactionRelationship(), notes,
				update.attachment(), update.externalIdentifier());
	}

	static List<String> relatedInteractionIds(InteractionContent content) {
		return content.relationships().stream().map(RelationshipValue::relatedId).toList();
	}

	private static Instant startOf(TimePeriod when) {
		return (when != null && when.startDateTime() != null) ? when.startDateTime().toInstant() : null;
	}

	private static Instant endOf(TimePeriod when) {
		return (when != null && when.endDateTime() != null) ? when.endDateTime().toInstant() : null;
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	private static OffsetDateTime offset(Instant time) {
		return (time != null) ? time.atOffset(ZoneOffset.UTC) : null;
	}

}
